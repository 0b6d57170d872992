// bastion-fixture: app/Services/Convert.php
// ok: command-injection
<?php
shell_exec('convert ' . escapeshellarg($name));
exec('make clean');
