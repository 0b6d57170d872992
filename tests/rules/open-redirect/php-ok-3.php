<?php
// bastion-fixture: app/Http/Controllers/ReturnToController.php
// ok: open-redirect

class ReturnToController
{
    public function back(Request $request)
    {
        $target = $request->get('_return', '/');
        if (str_starts_with($target, url('/') . '/')) {
            return redirect($target);
        }
        return redirect('/');
    }

    public function next(Request $request)
    {
        $next = $request->query('next');
        if (str_starts_with($next, 'https://shop.example.com/')) {
            return redirect($next);
        }
        return redirect('/');
    }
}
