// bastion-fixture: app/Http/Controllers/Convert.php
<?php
function convert() {
// expect: command-injection
    return shell_exec('convert ' . $_GET['name']);
}
