// bastion-fixture: public/preview.php
<?php
// expect: ssrf
$page = file_get_contents($_GET['url']);
