<?php
// bastion-fixture: public/feed.php
// The Origin header joined onto the header line; the only test is that one was sent.
function cors_headers(): void
{
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    if ($origin !== '') {
// expect: cors-any-origin-with-credentials
        header('Access-Control-Allow-Origin: ' . $origin);
        header('Access-Control-Allow-Credentials: true');
        header('Vary: Origin');
    }
}
