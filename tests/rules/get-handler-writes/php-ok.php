// bastion-fixture: routes/api.php
// ok: get-handler-writes
<?php

Route::post('/users/{id}/ban', function ($id) {
    User::findOrFail($id)->update(['banned' => true]);
    return response()->json(['ok' => true]);
});
Route::get('/posts/{id}', fn ($id) => Post::findOrFail($id)->increment('views'));
