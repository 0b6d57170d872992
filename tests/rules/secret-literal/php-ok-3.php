<?php
// bastion-fixture: src/Http/Controllers/CP/Auth/ElevatedSessionController.php
// ok: secret-literal
namespace App\Http\Controllers;

class ElevatedSessionController
{
    // A conditional validation rule with its fields, written against a secret's name.
    public function confirm(Request $request)
    {
        $request->validate([
            'password' => 'required_without_all:verification_code,id',
            'verification_code' => 'required_without_all:password,id',
        ]);
    }
}
