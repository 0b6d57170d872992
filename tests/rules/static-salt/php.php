<?php
// bastion-fixture: app/Auth/LegacyHasher.php
namespace App\Auth;

class LegacyHasher
{
    public function hash(string $password): string
    {
// expect: static-salt
        return hash_pbkdf2('sha256', $password, 'ledgerly-salt', 100000);
    }
}
