<?php
// bastion-fixture: public/thumb.php
// ok: path-traversal
// The id is checked to be hex digits on the line after it is read, and the script
// stops otherwise: no `/` or `.` can reach the path.
$key = $_GET['k'] ?? '';
if (!ctype_xdigit($key)) {
    header('HTTP/1.1 404 Not Found');
    exit;
}
$cached = CACHE_DIR . '/' . $key . '.png';
readfile($cached);
