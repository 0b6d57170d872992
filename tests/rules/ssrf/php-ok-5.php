<?php
// bastion-fixture: modules/upload/ChunkController.php
// PHP's http(s) wrapper opens URLs for reading only: a file opened for writing is a local file.
class ChunkController
{
    public function assemble()
    {
        $dest = $_POST['target'];
// ok: ssrf
        $out = fopen($dest, 'wb');
        fwrite($out, 'done');
        fclose($out);
    }
}
