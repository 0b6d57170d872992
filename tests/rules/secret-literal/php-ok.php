<?php
// bastion-fixture: app/Http/Requests/ConnectMailboxRequest.php
// ok: secret-literal
namespace App\Http\Requests;

class ConnectMailboxRequest extends FormRequest
{
    // Validation rules and casts name what a secret must look like, not the secret.
    public function rules(): array
    {
        return [
            'username' => 'required|string',
            'password' => 'required|string|min:12',
            'api_token' => 'nullable|string|size:40',
        ];
    }

    protected function casts(): array
    {
        return [
            'smtp_password' => 'encrypted',
            'imap_secret' => 'hashed',
        ];
    }
}
