<?php
// bastion-fixture: app/Http/Controllers/InvoiceController.php
// ok: stack-trace-in-response
namespace App\Http\Controllers;

use Illuminate\Support\Facades\Log;

class InvoiceController extends Controller
{
    public function send(int $id)
    {
        try {
            $this->mailer->sendInvoice($id);
        } catch (\Throwable $e) {
            Log::error('invoice send failed', ['trace' => $e->getTraceAsString()]);
            return response()->json(['error' => 'could not send the invoice'], 500);
        }
        return response()->json(['sent' => true]);
    }
}
