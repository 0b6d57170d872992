<?php
// bastion-fixture: public/invoice.php

require __DIR__ . '/../bootstrap.php';

$storage = __DIR__ . '/../storage/invoices/';
$name = $_GET['file'] ?? '';

header('Content-Type: application/pdf');
// expect: path-traversal
readfile($storage . $name);
