// bastion-fixture: routes/api.php
// ok: error-with-status-200
<?php

Route::get('/users/{id}', function ($id) {
    $user = User::find($id);
    if (! $user) {
        return response()->json(['error' => 'not found'], 404);
    }
    return response()->json(['user' => $user, 'error' => null]);
});
