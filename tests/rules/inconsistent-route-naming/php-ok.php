// bastion-fixture: routes/api.php
// ok: inconsistent-route-naming
<?php

Route::apiResource('payment-methods', PaymentMethodController::class);
Route::apiResource('order-items', OrderItemController::class);
Route::get('/user-profiles', [ProfileController::class, 'index']);
