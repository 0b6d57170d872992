// bastion-fixture: app/Services/Vault.php
<?php
function seal(string $plain, string $key): string
{
// expect: static-iv
    return openssl_encrypt($plain, 'aes-256-cbc', $key, 0, '1234567890123456');
}

function sealZero(string $plain, string $key): string
{
// expect: static-iv
    return openssl_encrypt($plain, 'aes-256-cbc', $key, 0, str_repeat("\0", 16));
}
