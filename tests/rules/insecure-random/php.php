// bastion-fixture: app/Services/Tokens.php
<?php
class Tokens {
    public function resetToken(): string {
// expect: insecure-random
        return md5(uniqid());
    }
}
