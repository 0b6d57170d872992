// bastion-fixture: public/api/bootstrap.php
<?php
// expect: cors-any-origin-with-credentials
header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);
header('Access-Control-Allow-Credentials: true');
