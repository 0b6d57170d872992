// bastion-fixture: routes/api.php
<?php

use App\Http\Controllers\TeamController;
use App\Http\Controllers\TeamMemberController;
use Illuminate\Support\Facades\Route;

Route::middleware('auth:sanctum')->group(function () {
    Route::get('/teams/{team}', [TeamController::class, 'show']);
    Route::get('/teams/{team}/members', [TeamMemberController::class, 'index']);
// expect: api-breaking-change
    Route::delete('/teams/{team}/memberships/{membership}', [TeamMemberController::class, 'destroy']);
});
