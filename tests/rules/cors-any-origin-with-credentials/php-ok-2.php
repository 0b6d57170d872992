// bastion-fixture: public/api/bootstrap.php
// ok: cors-any-origin-with-credentials
<?php
$allowed = ['https://app.example.com'];
if (in_array($_SERVER['HTTP_ORIGIN'] ?? '', $allowed, true)) {
    header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
    header('Access-Control-Allow-Credentials: true');
}
header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
