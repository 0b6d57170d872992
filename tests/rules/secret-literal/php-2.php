<?php
// bastion-fixture: scripts/seed-shop-demo.php
// Fills a local instance with demo shops: php artisan tinker scripts/seed-shop-demo.php

$shop = Shop::create(['name' => 'Demo bakery']);
// expect: secret-literal
$mailbox = ['user' => 'orders@demo.test', 'password' => 'Wq7#nRz4Lp9v'];
$shop->mailboxes()->create($mailbox);
