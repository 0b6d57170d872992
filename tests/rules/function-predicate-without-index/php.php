// bastion-fixture: app/Http/Controllers/MemberLookupController.php
// bastion-repo: migration.repo.php
<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class MemberLookupController extends Controller
{
    public function show(Request $request)
    {
// expect: function-predicate-without-index
        $rows = DB::select('SELECT id, display_name FROM members WHERE lower(email) = ?', [
            strtolower($request->query('email')),
        ]);

        return response()->json($rows[0] ?? null);
    }
}
