// bastion-fixture: app/Http/Controllers/Convert.php
// ok: command-injection
<?php
function convert() {
    shell_exec('convert ' . escapeshellarg($_GET['name']));
    exec('make clean');
}
