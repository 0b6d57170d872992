// bastion-fixture: app/Http/Middleware/VerifyCsrfToken.php
<?php
class VerifyCsrfToken extends Middleware
{
// expect: csrf-disabled
    protected $except = ['*'];
}
