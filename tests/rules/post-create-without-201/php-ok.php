// bastion-fixture: routes/api.php
// ok: post-create-without-201
<?php

use Illuminate\Support\Facades\Route;

Route::post('/items', function (Request $request) {
    $item = Item::create($request->validated());
    return response()->json($item, 201);
});
