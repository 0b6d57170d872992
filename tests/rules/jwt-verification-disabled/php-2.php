<?php
// bastion-fixture: app/Http/Controllers/WebhookController.php
namespace App\Http\Controllers;

use Illuminate\Http\Request;

class WebhookController extends Controller
{
    public function receive(Request $request)
    {
        $parts = explode('.', (string) $request->bearerToken());
        if (count($parts) !== 3) {
            return response()->json(['error' => 'malformed token'], 401);
        }
// expect: jwt-verification-disabled
        $claims = json_decode(base64_decode(strtr($parts[1], '-_', '+/')), true);
        return response()->json(['tenant' => $claims['tenant'] ?? null]);
    }
}
