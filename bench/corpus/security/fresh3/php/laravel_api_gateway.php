<?php

namespace App\Http\Middleware;

use App\Models\ApiClient;
use App\Models\Cart;
use Closure;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Cache;
use Symfony\Component\HttpFoundation\Response;

class PartnerGateway
{
    public function handle(Request $request, Closure $next): Response
    {
        if ($request->isMethod('OPTIONS')) {
            return $this->withCors($request, response('', 204));
        }

        $claims = $this->claimsFromToken((string) $request->bearerToken());
        if (!$claims || ($claims['exp'] ?? 0) < time()) {
            return response()->json(['error' => 'unauthorized'], 401);
        }

        $client = Cache::remember(
            'api-client:' . $claims['sub'],
            300,
            fn () => ApiClient::where('public_id', $claims['sub'])->first()
        );
        if ($client === null || $client->revoked) {
            return response()->json(['error' => 'unknown client'], 403);
        }

        $request->attributes->set('api_client', $client);
        $request->attributes->set('cart', $this->restoreCart($request));

        return $this->withCors($request, $next($request));
    }

    private function claimsFromToken(string $token): ?array
    {
        $parts = explode('.', $token);
        if (count($parts) !== 3) {
            return null;
        }
        $payload = strtr($parts[1], '-_', '+/');
        $claims = json_decode(base64_decode($payload), true); // vuln: CWE-347

        return is_array($claims) ? $claims : null;
    }

    private function restoreCart(Request $request): Cart
    {
        $legacy = $request->cookie('cart_state');
        if ($legacy) {
            $cart = unserialize(base64_decode($legacy)); // vuln: CWE-502
            if ($cart instanceof Cart) {
                return $cart;
            }
        }

        $json = $request->header('X-Cart-State');
        if ($json) {
            $items = json_decode($json, true, 8, JSON_THROW_ON_ERROR); // safe: CWE-502
            return Cart::fromArray(is_array($items) ? $items : []);
        }

        return new Cart();
    }

    private function withCors(Request $request, Response $response): Response
    {
        $origin = $request->headers->get('Origin');
        if ($origin) {
            $response->headers->set('Access-Control-Allow-Origin', $origin); // vuln: CWE-942
            $response->headers->set('Access-Control-Allow-Credentials', 'true');
            $response->headers->set('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Cart-State');
            $response->headers->set('Vary', 'Origin');
        }

        return $response;
    }
}
