<?php
// bastion-fixture: app/Http/Controllers/InvoiceController.php
namespace App\Http\Controllers;

use Illuminate\Support\Facades\Log;

class InvoiceController extends Controller
{
    public function send(int $id)
    {
        try {
            $this->mailer->sendInvoice($id);
        } catch (\Throwable $e) {
            Log::error('invoice send failed', ['exception' => $e]);
// expect: stack-trace-in-response
            return response()->json(['error' => $e->getMessage(), 'trace' => $e->getTraceAsString()], 500);
        }
        return response()->json(['sent' => true]);
    }
}
