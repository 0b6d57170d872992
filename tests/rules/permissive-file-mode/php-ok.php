// bastion-fixture: app/Services/Uploads.php
<?php
// ok: permissive-file-mode
mkdir($dir, 0777, true);
chmod($dir, 0750);
