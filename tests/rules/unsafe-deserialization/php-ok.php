// bastion-fixture: app/Http/Controllers/CartController.php
// ok: unsafe-deserialization
<?php
$cart = unserialize($raw, ['allowed_classes' => false]);
$j = json_decode($raw);
