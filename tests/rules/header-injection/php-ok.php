// bastion-fixture: app/Http/Controllers/ContactController.php
// ok: header-injection
<?php
class ContactController extends Controller {
    public function send(Request $request) {
        $from = filter_var($request->input('from'), FILTER_VALIDATE_EMAIL);
        $clean = str_replace(["\r", "\n"], '', $request->input('name'));
        mail('support@example.com', 'Contact', $request->input('body'), 'X-Name: ' . $clean);
        header('X-Request: ' . $request->input('id'));
    }
}
