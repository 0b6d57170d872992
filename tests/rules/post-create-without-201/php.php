// bastion-fixture: routes/api.php
<?php

use Illuminate\Support\Facades\Route;

Route::post('/items', function (Request $request) {
    $item = Item::create($request->validated());
// expect: post-create-without-201
    return response()->json($item);
});
