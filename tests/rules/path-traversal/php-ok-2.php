<?php
// bastion-fixture: public/invoice.php
// ok: path-traversal

require __DIR__ . '/../bootstrap.php';

$storage = __DIR__ . '/../storage/invoices/';
// basename() drops any "../" or directory part the client sends.
$name = basename($_GET['file'] ?? '');

header('Content-Type: application/pdf');
readfile($storage . $name);
