// bastion-fixture: app/Http/login.php
<?php
// expect: cookie-insecure
setcookie("session_id", $sessionId, time() + 3600, "/");
