<?php
// bastion-fixture: app/Http/Middleware/CartToken.php
// The claims of the cart token are read from its middle part; the signature is ignored.

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

class CartToken
{
    public function handle(Request $request, Closure $next)
    {
        $claims = $this->claimsFromToken((string) $request->bearerToken());
        if ($claims === null) {
            abort(401);
        }
        $request->attributes->set('cart_owner', $claims['sub'] ?? null);
        return $next($request);
    }

    private function claimsFromToken(string $token): ?array
    {
        $parts = explode('.', $token);
        if (count($parts) !== 3) {
            return null;
        }
        $payload = strtr($parts[1], '-_', '+/');
// expect: jwt-verification-disabled
        $claims = json_decode(base64_decode($payload), true);
        return is_array($claims) ? $claims : null;
    }
}
