// bastion-fixture: app/Http/Controllers/CalcController.php
<?php
function calc($request) {
// expect: eval-injection
    return eval('return ' . $request->input('e') . ';');
}
