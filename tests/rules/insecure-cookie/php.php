// bastion-fixture: app/Http/login.php
<?php
// expect: insecure-cookie
setcookie("session_id", $sessionId, time() + 3600, "/");
