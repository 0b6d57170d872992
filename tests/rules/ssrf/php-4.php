<?php
// bastion-fixture: app/Http/Controllers/WebhookController.php
namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

class WebhookController extends Controller
{
    public function subscribe(Request $request)
    {
        $url = $request->input('url');
// expect: ssrf
        $probe = Http::timeout(5)->retry(2)->get($url);
        return response()->json(['status' => $probe->status()]);
    }
}
