<?php
// bastion-fixture: app/Http/Controllers/PasswordResetController.php
// ok: open-redirect

class PasswordResetController
{
    // The token only fills a segment of our own path: a target that starts with
    // "/password/" stays on this host whatever follows.
    public function failed(Request $request)
    {
        $token = $request->input('token');
        return redirect("/password/reset/{$token}");
    }

    public function back(Request $request)
    {
        return redirect('/books/' . $request->input('slug') . '/edit');
    }
}
