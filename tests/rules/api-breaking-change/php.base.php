<?php

use App\Http\Controllers\TeamController;
use App\Http\Controllers\TeamMemberController;
use Illuminate\Support\Facades\Route;

Route::middleware('auth:sanctum')->group(function () {
    Route::get('/teams/{team}', [TeamController::class, 'show']);
    Route::get('/teams/{team}/members', [TeamMemberController::class, 'index']);
    Route::delete('/teams/{team}/members/{user}', [TeamMemberController::class, 'destroy']);
});
