// bastion-fixture: app/Http/login.php
<?php
// ok: cookie-insecure
setcookie("session_id", $sessionId, ['expires' => time() + 3600, 'secure' => true, 'httponly' => true]);
setcookie("session_id", $sessionId, time() + 3600, "/", "", true, true);
