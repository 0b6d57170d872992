// bastion-fixture: app/Http/Controllers/OverdueInvoiceController.php
// bastion-repo: migration.repo.php
<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use Illuminate\Http\JsonResponse;

class OverdueInvoiceController extends Controller
{
    public function index(): JsonResponse
    {
// expect: query-on-unindexed-column
        $invoices = Invoice::where('state', 'open')
            ->orderBy('due_on')
            ->paginate(50);

        return response()->json($invoices);
    }
}
