// bastion-fixture: routes/api.php
<?php

use Illuminate\Support\Facades\Route;

Route::delete('/items', function (Request $request) {
// expect: delete-with-body
    Item::whereIn('id', $request->input('ids'))->delete();
    return response()->noContent();
});
