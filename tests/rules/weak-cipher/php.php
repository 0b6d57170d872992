// bastion-fixture: app/Support/Seal.php
<?php
// expect: weak-cipher
$c = openssl_encrypt($data, 'aes-128-ecb', $key);
