// bastion-fixture: app/Services/Vault.php
<?php
// ok: static-iv
function seal(string $plain, string $key): string
{
    $iv = random_bytes(openssl_cipher_iv_length('aes-256-cbc'));
    return base64_encode($iv . openssl_encrypt($plain, 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv));
}
