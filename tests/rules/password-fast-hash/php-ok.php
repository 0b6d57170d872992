// bastion-fixture: app/Services/Auth.php
// ok: password-fast-hash
<?php
$a = password_hash($password, PASSWORD_DEFAULT);
$b = md5($email);
$c = hash_hmac('sha256', $password, $key);
