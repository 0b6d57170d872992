// bastion-fixture: app/Http/Controllers/LoginController.php
// ok: log-injection
<?php
class LoginController extends Controller {
    public function store(Request $request) {
        Log::warning('failed login', ['email' => $request->input('email')]);
        error_log('failed login for ' . json_encode($request->input('email')));
    }
}
