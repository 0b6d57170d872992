<?php
// bastion-fixture: public/badge.php
// ok: ssrf
// A hex-only token (checked, `die` otherwise) cannot change the host or the scheme.
$token = $_SERVER['QUERY_STRING'] ?? '';
if (!ctype_xdigit($token)) {
    die('bad token');
}
$svg = file_get_contents('https://badges.example.org/' . $token . '.svg');
echo $svg;
