// bastion-fixture: app/Support/Calc.php
// ok: code-injection
<?php
// eval($code)
$x = evaluate($code);
$y = eval('return 1;');
