// bastion-fixture: app/Http/Controllers/MailPreviewController.php
// ok: template-injection
<?php
class MailPreviewController extends Controller {
    public function show(Request $request) {
        $html = $this->twig->render('mail/preview.html.twig', ['body' => $request->input('body')]);
        return response($html);
    }
}
