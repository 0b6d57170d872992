// bastion-fixture: public/preview.php
// ok: ssrf
<?php
$page = file_get_contents('https://api.example.com/' . $_GET['id']);
