<?php
// bastion-fixture: public/badge.php
// ok: ssrf
// A hex-only token (checked, `die` otherwise) cannot name a host or a scheme.
$token = $_SERVER['QUERY_STRING'] ?? '';
if (!ctype_xdigit($token)) {
    die('bad token');
}
$svg = file_get_contents(BADGE_CACHE . $token . '.svg');
echo $svg;
