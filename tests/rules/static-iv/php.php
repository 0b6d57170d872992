// bastion-fixture: app/Services/Vault.php
<?php
class Vault {
    public function seal(string $data, string $key): string {
// expect: static-iv
        return openssl_encrypt($data, 'aes-256-cbc', $key, 0, '1234567890123456');
    }
}
