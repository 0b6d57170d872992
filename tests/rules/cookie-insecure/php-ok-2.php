<?php
// bastion-fixture: src/Controller/LogoutController.php
// ok: cookie-insecure
class LogoutController
{
    // Logout clears the cookies: an empty value, an expiry an hour ago.
    public function logout()
    {
        setcookie('session_token', '', 0, '/');
        setcookie('auth_token', 'expired', time() - 3600, '/');
    }
}
