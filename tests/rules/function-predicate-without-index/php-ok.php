// bastion-fixture: app/Http/Controllers/MemberLookupController.php
// bastion-repo: migration.repo.php
// ok: function-predicate-without-index
<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class MemberLookupController extends Controller
{
    public function show(Request $request)
    {
        // Emails are stored lower-cased on sign-up, so the unique index serves this.
        $rows = DB::select('SELECT id, display_name FROM members WHERE email = ?', [
            strtolower($request->query('email')),
        ]);

        return response()->json($rows[0] ?? null);
    }
}
