// bastion-fixture: app/Services/LegacyDb.php
// ok: hardcoded-credentials
<?php
class LegacyDb {
    const PASSWORD_FIELD = 'password';
    const TOKEN_HEADER = 'x-api-token';

    public function open(): PDO {
        return new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS'));
    }

    public function openMysqli() {
        return mysqli_connect('db', 'app', $this->password, 'shop');
    }
}
