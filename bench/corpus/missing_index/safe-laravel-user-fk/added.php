<?php

namespace App\Services;

use App\Models\Subscription;

class SubscriptionList
{
    public function forUser(int $userId)
    {
        return Subscription::where('user_id', $userId)->get();
    }
}
