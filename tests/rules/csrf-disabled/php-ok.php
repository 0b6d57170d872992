// bastion-fixture: app/Http/Middleware/VerifyCsrfToken.php
// ok: csrf-disabled
<?php
class VerifyCsrfToken extends Middleware
{
    protected $except = ['stripe/webhook'];
}
