// bastion-fixture: app/Services/Uploads.php
<?php
// ok: permissive-file-mode
mkdir($dir, 0750, true);
