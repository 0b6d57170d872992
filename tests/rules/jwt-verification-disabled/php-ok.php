// bastion-fixture: app/Http/Middleware/TokenUser.php
// ok: jwt-verification-disabled
<?php
use Firebase\JWT\JWT;
use Firebase\JWT\Key;
class TokenUser {
    public function handle($request, $next) {
        $claims = JWT::decode($request->bearerToken(), new Key(config('jwt.key'), 'HS256'));
        $request->attributes->set('user_id', $claims->sub);
        return $next($request);
    }
}
