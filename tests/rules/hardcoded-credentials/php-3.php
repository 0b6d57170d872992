// bastion-fixture: app/db.php
<?php
// expect: hardcoded-credentials
$pdo = new PDO('mysql:host=db;dbname=legacy', 'root', 'hunter2');
// expect: hardcoded-credentials
define('API_SECRET', 'k3y-9f8e7d6c5b4a');
