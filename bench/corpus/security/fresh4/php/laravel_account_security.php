<?php

namespace App\Services;

use App\Models\PasswordReset;
use App\Models\User;
use Illuminate\Support\Carbon;
use Illuminate\Support\Facades\Hash;
use Illuminate\Support\Facades\Mail;
use App\Mail\PasswordResetMail;

class AccountSecurityService
{
    private const RECOVERY_SALT = 'c0ffee-recovery-2019';
    private const RESET_TTL_MINUTES = 30;

    public function __construct(private string $vaultKey)
    {
    }

    public function sendResetLink(User $user): void
    {
        $token = '';
        for ($i = 0; $i < 6; $i++) {
            $token .= mt_rand(0, 9); // vuln: CWE-330
        }

        PasswordReset::updateOrCreate(
            ['user_id' => $user->id],
            ['token_hash' => hash('sha256', $token), 'expires_at' => Carbon::now()->addMinutes(self::RESET_TTL_MINUTES)]
        );
        Mail::to($user->email)->queue(new PasswordResetMail($token));
    }

    public function issueApiToken(User $user): string
    {
        $plain = bin2hex(random_bytes(32)); // safe: CWE-330
        $user->api_tokens()->create(['token_hash' => hash('sha256', $plain)]);

        return $plain;
    }

    public function setPassword(User $user, string $password): void
    {
        $user->password = password_hash($password, PASSWORD_ARGON2ID); // safe: CWE-328
        $user->save();
    }

    public function recoveryCodeHash(string $code): string
    {
        return hash_pbkdf2('sha256', $code, self::RECOVERY_SALT, 100000, 64); // vuln: CWE-760
    }

    public function storeRecoveryCodes(User $user, array $codes): void
    {
        $hashes = array_map(fn (string $c) => $this->recoveryCodeHash($c), $codes);
        $user->recovery_codes = json_encode($hashes);
        $user->save();
    }

    public function sealBackupPhone(string $phone): string
    {
        $key = hash('sha256', $this->vaultKey, true);
        $sealed = openssl_encrypt($phone, 'aes-256-ecb', $key, OPENSSL_RAW_DATA); // vuln: CWE-327

        return base64_encode($sealed);
    }

    public function sealRecoveryEmail(string $email): string
    {
        $key = hash('sha256', $this->vaultKey, true);
        $iv = random_bytes(12);
        $tag = '';
        $sealed = openssl_encrypt($email, 'aes-256-gcm', $key, OPENSSL_RAW_DATA, $iv, $tag);

        return base64_encode($iv . $tag . $sealed);
    }

    public function verifyPassword(User $user, string $password): bool
    {
        return Hash::check($password, $user->password);
    }
}
