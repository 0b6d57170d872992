// bastion-fixture: public/index.php
// ok: debug-errors-shown
<?php
require __DIR__ . '/../bootstrap.php';
ini_set('display_errors', '0');
ini_set('log_errors', '1');
if (getenv('APP_ENV') === 'dev') {
    ini_set('display_errors', '1');
}
