// bastion-fixture: app/Http/Controllers/MailPreviewController.php
<?php
class MailPreviewController extends Controller {
    public function show(Request $request) {
// expect: template-injection
        $html = $this->twig->createTemplate($request->input('body'))->render([]);
        return response($html);
    }
}
