<?php
// bastion-fixture: upload2.php
$dir = pathinfo($_GET['name'], PATHINFO_DIRNAME);
// expect: path-traversal
readfile(__DIR__ . '/files/' . $dir . '/index.txt');
