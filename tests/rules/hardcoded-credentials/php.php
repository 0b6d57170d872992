// bastion-fixture: app/Services/LegacyDb.php
<?php
class LegacyDb {
// expect: hardcoded-credentials
    const JWT_SECRET = 'k3y-4-s1gn1ng-t0k3ns';

    public function open(): PDO {
// expect: hardcoded-credentials
        return new PDO('mysql:host=db;dbname=legacy', 'root', 'hunter22');
    }

    public function openMysqli() {
// expect: hardcoded-credentials
        return mysqli_connect('db', 'app', 's3cr3t-pw', 'shop');
    }
}

// A password constant named with an abbreviation.
// expect: hardcoded-credentials
const LDAP_BIND_PW = 'Wint3r!2023-svc';
