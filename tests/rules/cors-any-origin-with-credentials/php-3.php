<?php
// bastion-fixture: app/Http/Middleware/ApiCors.php

namespace App\Http\Middleware;

use Closure;
use Illuminate\Http\Request;

class ApiCors
{
    public function handle(Request $request, Closure $next)
    {
        $response = $next($request);
        $origin = $request->headers->get('Origin');
        if ($origin) {
// expect: cors-any-origin-with-credentials
            $response->headers->set('Access-Control-Allow-Origin', $origin);
            $response->headers->set('Access-Control-Allow-Credentials', 'true');
        }
        return $response;
    }
}
