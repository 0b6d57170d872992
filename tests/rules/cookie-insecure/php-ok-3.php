<?php
// bastion-fixture: src/Controller/LoginController.php
// ok: cookie-insecure
namespace App\Controller;

use Symfony\Component\HttpFoundation\Cookie;
use Symfony\Component\HttpFoundation\JsonResponse;

class LoginController
{
    public function login(): JsonResponse
    {
        $response = new JsonResponse(['ok' => true]);
        $response->headers->setCookie(new Cookie('legacy_session', bin2hex(random_bytes(32)), strtotime('+8 hours'), '/', null, true, true));
        $response->headers->setCookie(new Cookie('locale', 'en', 0, '/', null, false, false));
        return $response;
    }
}
