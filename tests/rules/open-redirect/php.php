<?php
// bastion-fixture: public/login.php
$next = $_GET['next'];
// expect: open-redirect
header('Location: ' . $next);
