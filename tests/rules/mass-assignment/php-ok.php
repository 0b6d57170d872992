// bastion-fixture: app/Http/Controllers/UserController.php
// ok: mass-assignment
<?php
return User::create($request->validated());
