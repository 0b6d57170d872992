<?php
// bastion-fixture: public/feed.php
// The Origin is sent back only when it is one of the partner sites.
const PARTNER_ORIGINS = ['https://shop.example.com', 'https://admin.example.com'];

function cors_headers(): void
{
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    if (in_array($origin, PARTNER_ORIGINS, true)) {
// ok: cors-any-origin-with-credentials
        header('Access-Control-Allow-Origin: ' . $origin);
        header('Access-Control-Allow-Credentials: true');
        header('Vary: Origin');
    }
}
