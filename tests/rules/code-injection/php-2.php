<?php
// bastion-fixture: tools/calc.php
// A script under tools/ that a web server serves still reads the request.
$expr = $_GET['expr'] ?? '0';
// expect: code-injection
echo eval('return ' . $expr . ';');
