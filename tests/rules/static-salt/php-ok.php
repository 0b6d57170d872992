<?php
// bastion-fixture: app/Auth/LegacyHasher.php
// ok: static-salt
namespace App\Auth;

class LegacyHasher
{
    public function hash(string $password, string $salt): string
    {
        return hash_pbkdf2('sha256', $password, $salt, 600000);
    }
}
