// bastion-fixture: app/Services/Vault.php
// ok: static-iv
<?php
class Vault {
    public function seal(string $data, string $key): string {
        $iv = random_bytes(openssl_cipher_iv_length('aes-256-cbc'));
        return base64_encode($iv . openssl_encrypt($data, 'aes-256-cbc', $key, OPENSSL_RAW_DATA, $iv));
    }
}
