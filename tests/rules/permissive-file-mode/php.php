// bastion-fixture: app/Services/Uploads.php
<?php
// expect: permissive-file-mode
mkdir($dir, 0777, true);
