<?php
// bastion-fixture: public/login.php
$next = $_GET['next'];
// ok: open-redirect
header('Location: /home');
header('X-Next: ' . rawurlencode($next));
