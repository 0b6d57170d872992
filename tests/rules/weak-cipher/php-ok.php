// bastion-fixture: app/Support/Seal.php
// ok: weak-cipher
<?php
$c = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
