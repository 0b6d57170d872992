// bastion-fixture: app/Http/Controllers/CartController.php
<?php
function cart() {
// expect: unsafe-deserialization
    return unserialize($_COOKIE['cart']);
}
