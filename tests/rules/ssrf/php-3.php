<?php
// bastion-fixture: public/badge.php
// A check on another variable does not guard this one.
$token = $_GET['t'] ?? '';
$name = $_GET['n'] ?? '';
if (!ctype_xdigit($token)) {
    die('bad token');
}
// expect: ssrf
$svg = file_get_contents('https://' . $name . '/' . $token . '.svg');
