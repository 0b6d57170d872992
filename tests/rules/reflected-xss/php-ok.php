// bastion-fixture: public/search.php
// ok: reflected-xss
<?php
echo 'Results for ' . htmlspecialchars($_GET['q'], ENT_QUOTES);
