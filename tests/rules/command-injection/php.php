// bastion-fixture: app/Services/Convert.php
<?php
function convert($name) {
// expect: command-injection
    return shell_exec('convert ' . $name);
}
