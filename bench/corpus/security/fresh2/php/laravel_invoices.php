<?php

namespace App\Http\Controllers;

use App\Http\Requests\UpdateInvoiceRequest;
use App\Models\Invoice;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;
use Throwable;

class InvoiceController extends Controller
{
    private const SORTABLE = ['issued_at', 'due_at', 'total'];

    public function index(Request $request): JsonResponse
    {
        $sort = in_array($request->query('sort'), self::SORTABLE, true) ? $request->query('sort') : 'issued_at';
        $invoices = Invoice::query()
            ->where('account_id', $request->user()->account_id)
            ->orderBy($sort, 'desc')
            ->paginate(25);

        return response()->json($invoices);
    }

    public function overdue(Request $request): JsonResponse
    {
        $customer = $request->input('customer');
        $status = $request->input('status', 'open');
        $accountId = $request->user()->account_id;
        $sql = "SELECT id, number, total, due_at FROM invoices WHERE account_id = {$accountId} AND status = '{$status}'";
        if ($customer) {
            $sql .= " AND customer_name LIKE '%" . $customer . "%'";
        }
        $rows = DB::select($sql . ' AND due_at < NOW() ORDER BY due_at'); // vuln: CWE-89

        return response()->json(['data' => $rows]);
    }

    public function totals(Request $request): JsonResponse
    {
        $year = (int) $request->query('year', date('Y'));
        $rows = DB::select('SELECT customer_id, SUM(total) AS sum FROM invoices WHERE account_id = ? AND YEAR(issued_at) = ? GROUP BY customer_id', [$request->user()->account_id, $year]); // safe: CWE-89

        return response()->json(['year' => $year, 'data' => $rows]);
    }

    public function store(Request $request): JsonResponse
    {
        $request->validate([
            'customer_id' => 'required|integer',
            'total' => 'required|numeric|min:0',
        ]);
        $invoice = Invoice::create($request->all()); // vuln: CWE-915

        return response()->json($invoice, 201);
    }

    public function update(UpdateInvoiceRequest $request, Invoice $invoice): JsonResponse
    {
        $this->authorize('update', $invoice);
        $invoice->fill($request->validated())->save(); // safe: CWE-915

        return response()->json($invoice);
    }

    public function send(Request $request, Invoice $invoice): JsonResponse
    {
        $this->authorize('update', $invoice);
        try {
            $invoice->markAsSent();
            app('mailer')->to($invoice->customer->email)->send(new \App\Mail\InvoiceMail($invoice));
        } catch (Throwable $e) {
            Log::error('invoice send failed', ['invoice' => $invoice->id, 'exception' => $e]);

            return response()->json(['error' => $e->getMessage(), 'trace' => $e->getTraceAsString()], 500); // vuln: CWE-209
        }

        return response()->json(['sent' => true]);
    }
}
