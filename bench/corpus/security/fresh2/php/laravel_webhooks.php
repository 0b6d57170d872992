<?php

namespace App\Http\Controllers\Integrations;

use App\Http\Controllers\Controller;
use App\Models\Partner;
use App\Models\WebhookSubscription;
use Firebase\JWT\JWT;
use Firebase\JWT\Key;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;

class WebhookController extends Controller
{
    private const STATUS_HOSTS = [
        'dhl' => 'https://api.dhl.example.com/status',
        'ups' => 'https://onlinetools.ups.example.com/health',
        'fedex' => 'https://apis.fedex.example.com/ping',
    ];

    public function subscribe(Request $request): JsonResponse
    {
        $data = $request->validate([
            'url' => 'required|string|max:2048',
            'events' => 'array',
        ]);
        $callback = rtrim($data['url'], '/') . '/verify';
        $probe = Http::timeout(5)->get($callback, ['challenge' => bin2hex(random_bytes(8))]); // vuln: CWE-918

        $subscription = WebhookSubscription::create([
            'account_id' => $request->user()->account_id,
            'url' => $data['url'],
            'events' => $data['events'] ?? [],
            'verified' => $probe->successful(),
        ]);

        return response()->json($subscription, 201);
    }

    public function carrierStatus(string $carrier): JsonResponse
    {
        $endpoint = self::STATUS_HOSTS[$carrier] ?? null;
        if ($endpoint === null) {
            abort(404);
        }
        $response = Http::timeout(5)->get($endpoint); // safe: CWE-918

        return response()->json(['carrier' => $carrier, 'up' => $response->ok()]);
    }

    public function forwardToErp(Request $request): JsonResponse
    {
        $erpUrl = config('services.erp.url');
        $response = Http::withOptions(['verify' => false])->withToken(config('services.erp.token'))->post($erpUrl . '/orders', $request->all()); // vuln: CWE-295
        Log::info('forwarded order to ERP', ['status' => $response->status()]);

        return response()->json(['forwarded' => $response->successful()]);
    }

    public function partnerEvent(Request $request): JsonResponse
    {
        $token = (string) $request->bearerToken();
        $parts = explode('.', $token);
        if (count($parts) !== 3) {
            return response()->json(['error' => 'malformed token'], 401);
        }
        $claims = json_decode(base64_decode(strtr($parts[1], '-_', '+/')), true); // vuln: CWE-347
        $partner = Partner::where('code', $claims['partner'] ?? '')->firstOrFail();
        $partner->events()->create(['type' => $request->input('type'), 'payload' => $request->all()]);

        return response()->json(['accepted' => true], 202);
    }

    public function partnerManifest(Request $request): JsonResponse
    {
        $secret = config('services.partners.jwt_secret');
        try {
            $claims = JWT::decode((string) $request->bearerToken(), new Key($secret, 'HS256')); // safe: CWE-347
        } catch (\Throwable $e) {
            return response()->json(['error' => 'invalid token'], 401);
        }
        $partner = Partner::where('code', $claims->partner)->firstOrFail();
        $manifest = $partner->manifests()->create(['lines' => $request->input('lines', [])]);

        return response()->json(['id' => $manifest->id], 201);
    }
}
