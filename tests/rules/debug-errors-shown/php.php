// bastion-fixture: public/index.php
<?php
require __DIR__ . '/../bootstrap.php';
// expect: debug-errors-shown
ini_set('display_errors', '1');
