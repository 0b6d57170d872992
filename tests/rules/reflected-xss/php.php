// bastion-fixture: public/search.php
<?php
// expect: reflected-xss
echo 'Results for ' . $_GET['q'];
