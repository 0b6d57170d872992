<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use App\Http\Requests\UpdateInvoiceRequest;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;

class InvoiceController extends Controller
{
    private const SORTABLE = [
        'number' => 'invoices.number',
        'due' => 'invoices.due_date',
        'amount' => 'invoices.amount_cents',
    ];

    public function index(Request $request): JsonResponse
    {
        $sortKey = $request->query('sort', 'due');
        $column = self::SORTABLE[$sortKey] ?? 'invoices.due_date';
        $direction = strtolower($request->query('dir')) === 'asc' ? 'asc' : 'desc';

        $invoices = Invoice::query()
            ->where('tenant_id', $request->user()->tenant_id)
            ->orderByRaw("$column $direction") // safe: CWE-89
            ->paginate(50);

        return response()->json($invoices);
    }

    public function overdue(Request $request): JsonResponse
    {
        $tenant = $request->user()->tenant_id;
        $customer = $request->input('customer', '');
        $sql = "SELECT id, number, amount_cents, due_date FROM invoices
                WHERE tenant_id = {$tenant} AND paid_at IS NULL AND due_date < NOW()";
        if ($customer !== '') {
            $sql .= " AND customer_name LIKE '%{$customer}%'";
        }
        $rows = DB::select($sql); // vuln: CWE-89

        return response()->json($rows);
    }

    public function byNumber(Request $request, string $number): JsonResponse
    {
        $row = DB::selectOne(
            'SELECT * FROM invoices WHERE tenant_id = ? AND number = ?',
            [$request->user()->tenant_id, $number]
        );
        $lines = DB::select('SELECT * FROM invoice_lines WHERE invoice_id = ?', [$row->id ?? 0]); // safe: CWE-89

        return response()->json(['invoice' => $row, 'lines' => $lines]);
    }

    public function store(Request $request): JsonResponse
    {
        $data = $request->all();
        $data['tenant_id'] = $request->user()->tenant_id;
        $invoice = Invoice::create($data); // vuln: CWE-915
        Log::info('invoice created', ['id' => $invoice->id]);

        return response()->json($invoice, 201);
    }

    public function update(UpdateInvoiceRequest $request, Invoice $invoice): JsonResponse
    {
        $this->authorize('update', $invoice);
        $invoice->fill($request->validated())->save(); // safe: CWE-915

        return response()->json($invoice);
    }

    public function pdf(Request $request)
    {
        $file = $request->query('file');
        $path = storage_path('app/invoices/' . $request->user()->tenant_id . '/' . $file);
        if (!is_file($path)) {
            abort(404);
        }

        return response()->download($path, basename($path), ['Content-Type' => 'application/pdf']); // vuln: CWE-22
    }
}
