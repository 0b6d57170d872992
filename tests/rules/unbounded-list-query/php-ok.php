// bastion-fixture: routes/api.php
// ok: unbounded-list-query
<?php

use Illuminate\Support\Facades\Route;

Route::get('/items', function () {
    return Item::orderBy('id')->paginate(50);
});
