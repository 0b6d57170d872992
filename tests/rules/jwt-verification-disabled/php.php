// bastion-fixture: app/Http/Middleware/TokenUser.php
<?php
class TokenUser {
    public function handle($request, $next) {
        $token = $request->bearerToken();
// expect: jwt-verification-disabled
        $claims = json_decode(base64_decode(explode('.', $token)[1]), true);
        $request->attributes->set('user_id', $claims['sub']);
        return $next($request);
    }
}
