<?php
// bastion-fixture: database/seeders/PaymentGatewaysSeeder.php
// A seeder that also runs on deploy: the callback secret it writes guards the live
// payment callback.
class PaymentGatewaysSeeder extends Seeder
{
    public function run()
    {
// expect: insecure-random
        $callbackSecret = md5(uniqid(rand(), true));
        Gateway::create(['name' => 'blockonomics', 'config' => json_encode(['callbackSecret' => $callbackSecret])]);
    }
}
