// bastion-fixture: app/Http/Controllers/UserController.php
<?php
function store($request) {
// expect: mass-assignment
    return User::create($request->all());
}
