// bastion-fixture: routes/api.php
<?php

Route::apiResource('payment-methods', PaymentMethodController::class);
Route::apiResource('order-items', OrderItemController::class);
// expect: inconsistent-route-naming
Route::get('/user_profiles', [ProfileController::class, 'index']);
