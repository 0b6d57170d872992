<?php
// bastion-fixture: public/thumb.php
// A failed hex check that only logs lets the value through.
$key = $_GET['k'] ?? '';
if (!ctype_xdigit($key)) {
    error_log('odd thumbnail key');
}
$cached = CACHE_DIR . '/' . $key . '.png';
// expect: path-traversal
readfile($cached);
