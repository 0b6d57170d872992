<?php
// bastion-fixture: app/Http/Controllers/ReturnToController.php

class ReturnToController
{
    // `url('/')` is `https://host` with no slash: `https://host.evil.example` passes.
    public function back(Request $request)
    {
        $target = $request->get('_return', '/');
        if (str_starts_with($target, url('/'))) {
// expect: open-redirect
            return redirect($target);
        }
        return redirect('/');
    }

    public function next(Request $request)
    {
        $next = $request->query('next');
        if (str_starts_with($next, 'https://shop.example.com')) {
// expect: open-redirect
            return redirect($next);
        }
        return redirect('/');
    }
}
