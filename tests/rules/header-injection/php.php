// bastion-fixture: app/Http/Controllers/ContactController.php
<?php
class ContactController extends Controller {
    public function send(Request $request) {
        $from = $request->input('from');
// expect: header-injection
        mail('support@example.com', 'Contact', $request->input('body'), 'Reply-To: ' . $from);
    }
}
