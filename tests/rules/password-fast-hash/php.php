// bastion-fixture: app/Services/Auth.php
<?php
function store($request) {
// expect: password-fast-hash
    $a = md5($request->input('password'));
// expect: password-fast-hash
    $b = hash('sha256', $password);
}
