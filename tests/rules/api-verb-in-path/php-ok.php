// bastion-fixture: routes/web.php
// ok: api-verb-in-path
<?php

Route::resource('photos', PhotoController::class);
Route::get('/photos/create', [PhotoController::class, 'create']);
Route::get('/posts/{post}/edit', [PostController::class, 'edit']);
Route::post('/orders/{order}/cancel', [OrderController::class, 'cancel']);
Route::get('/users/delete/{id}', function ($id) { return view('confirm'); });
$value = $request->get('/getUser', 'default');
