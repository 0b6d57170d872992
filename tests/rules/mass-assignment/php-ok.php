// bastion-fixture: app/Http/Controllers/UserController.php
// ok: mass-assignment
<?php
function store($request) {
    return User::create($request->validated());
}

function update($request, $user) {
    $user->fill($request->only(['name', 'email']))->save();
    $user->update(['name' => $request->input('name')]);
}
