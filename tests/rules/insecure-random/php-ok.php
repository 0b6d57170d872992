// bastion-fixture: app/Services/Tokens.php
<?php
// ok: insecure-random
class Tokens {
    public function resetToken(): string {
        return bin2hex(random_bytes(32));
    }
    public function dice(): int {
        return rand(1, 6);
    }
}
