// bastion-fixture: routes/api.php
<?php

Route::get('/users/{id}', function ($id) {
    $user = User::find($id);
    if (! $user) {
// expect: error-with-status-200
        return response()->json(['error' => 'not found']);
    }
    return $user;
});
