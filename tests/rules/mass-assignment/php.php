// bastion-fixture: app/Http/Controllers/UserController.php
<?php
function store($request) {
// expect: mass-assignment
    return User::create($request->all());
}

function update($request, $user) {
// expect: mass-assignment
    $user->fill($request->input())->save();
}
