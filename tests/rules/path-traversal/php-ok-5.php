<?php
// bastion-fixture: upload.php
// ok: path-traversal
$ext = pathinfo($_FILES['f']['name'], PATHINFO_EXTENSION);
move_uploaded_file($_FILES['f']['tmp_name'], __DIR__ . '/uploads/' . bin2hex(random_bytes(8)) . '.' . $ext);
