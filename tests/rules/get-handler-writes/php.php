// bastion-fixture: routes/api.php
<?php

Route::get('/users/{id}/ban', function ($id) {
// expect: get-handler-writes
    User::findOrFail($id)->update(['banned' => true]);
    return response()->json(['ok' => true]);
});
