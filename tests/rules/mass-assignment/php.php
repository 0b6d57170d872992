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

function register($request) {
    // A model is a noun: a fresh model filled with every field is still mass assignment.
// expect: mass-assignment
    (new User())->fill($request->all())->save();
}
