<?php

namespace App\Services;

use App\Models\Subscription;

class BillingWebhook
{
    public function handle(array $payload): void
    {
        $subscription = Subscription::where('external_id', $payload['id'])->first();
        $subscription?->update(['ends_at' => now()]);
    }
}
