// bastion-fixture: app/db.php
<?php
// ok: hardcoded-credentials
$pdo = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS'));
define('API_SECRET', getenv('API_SECRET'));
