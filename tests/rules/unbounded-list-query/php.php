// bastion-fixture: routes/api.php
<?php

use Illuminate\Support\Facades\Route;

Route::get('/items', function () {
// expect: unbounded-list-query
    return Item::all();
});
