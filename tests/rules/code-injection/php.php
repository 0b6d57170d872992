// bastion-fixture: app/Http/Controllers/CalcController.php
<?php
function calc($request) {
// expect: code-injection
    return eval('return ' . $request->input('e') . ';');
}
