<?php
// bastion-fixture: src/Controller/LoginController.php
class LoginController
{
    public function login(string $token)
    {
        // expect: cookie-insecure
        setcookie('session_token', $token, time() + 3600, '/');
    }
}
