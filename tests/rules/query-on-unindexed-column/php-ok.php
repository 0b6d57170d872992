// bastion-fixture: app/Http/Controllers/InvoiceLookupController.php
// bastion-repo: migration.repo.php
// ok: query-on-unindexed-column
<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use Illuminate\Http\JsonResponse;

class InvoiceLookupController extends Controller
{
    public function show(string $number): JsonResponse
    {
        $invoice = Invoice::where('number', $number)->firstOrFail();

        return response()->json($invoice);
    }
}
