// bastion-fixture: routes/api.php
<?php

use Illuminate\Support\Facades\Route;

// expect: api-verb-in-path
Route::post('/createUser', [UserController::class, 'store']);
// expect: api-verb-in-path
Route::middleware('auth:sanctum')->get('/users/delete/{id}', [UserController::class, 'destroy']);
