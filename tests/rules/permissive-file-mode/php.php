// bastion-fixture: app/Services/Uploads.php
<?php
// expect: permissive-file-mode
chmod($dir, 0777);
// expect: permissive-file-mode
umask(0);
