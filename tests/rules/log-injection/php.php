// bastion-fixture: app/Http/Controllers/LoginController.php
<?php
class LoginController extends Controller {
    public function store(Request $request) {
// expect: log-injection
        Log::warning('failed login for ' . $request->input('email'));
    }
}
