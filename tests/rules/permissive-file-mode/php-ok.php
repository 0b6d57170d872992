// bastion-fixture: app/Services/Uploads.php
<?php
// ok: permissive-file-mode
mkdir($dir, 0777, true);
mkdir($cacheDir);
chmod($dir, 0750);
umask(0027);
