<?php
// bastion-fixture: app/Http/Controllers/ReturnController.php

class ReturnController
{
    // A lone "/" before the input: `/\evil.example` or `//evil.example` leaves the host.
    public function back(Request $request)
    {
        $path = $request->input('path');
// expect: open-redirect
        return redirect('/' . $path);
    }
}
