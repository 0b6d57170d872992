// bastion-fixture: routes/api.php
// ok: delete-with-body
<?php

use Illuminate\Support\Facades\Route;

Route::delete('/items/{id}', function ($id) {
    Item::whereKey($id)->delete();
    return response()->noContent();
});
