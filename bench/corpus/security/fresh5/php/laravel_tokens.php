<?php

namespace App\Services;

use App\Models\User;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Str;
use RuntimeException;

class ApiTokenService
{
    private string $exportKey;

    public function __construct()
    {
        $this->exportKey = base64_decode((string) config('services.exports.key'));
    }

    public function hashPin(string $pin): string
    {
        return password_hash($pin, PASSWORD_ARGON2ID); // safe: CWE-328
    }

    public function verifyPin(User $user, string $pin): bool
    {
        return password_verify($pin, (string) $user->pin_hash);
    }

    public function exportLink(User $user, int $reportId): string
    {
        $payload = json_encode([
            'uid' => $user->id,
            'report' => $reportId,
            'exp' => now()->addMinutes(30)->timestamp,
        ]);

        $cipher = openssl_encrypt($payload, 'aes-256-ecb', $this->exportKey, OPENSSL_RAW_DATA); // vuln: CWE-327

        return url('/exports/download?t=' . rtrim(strtr(base64_encode($cipher), '+/', '-_'), '='));
    }

    public function issueRefreshToken(User $user): string
    {
        $token = Str::random(64);
        Cache::put('refresh:' . hash('sha256', $token), $user->id, now()->addDays(14));

        return $token;
    }

    public function claimsFromRequest(Request $request): array
    {
        $token = $request->bearerToken();
        if ($token === null || substr_count($token, '.') !== 2) {
            throw new RuntimeException('Missing token');
        }

        [, $body] = explode('.', $token);
        $claims = json_decode(base64_decode(strtr($body, '-_', '+/')), true); // vuln: CWE-347

        if (!is_array($claims) || ($claims['exp'] ?? 0) < time()) {
            throw new RuntimeException('Expired token');
        }

        return $claims;
    }

    public function currentUser(Request $request): ?User
    {
        $claims = $this->claimsFromRequest($request);

        return User::find($claims['sub'] ?? 0);
    }
}
