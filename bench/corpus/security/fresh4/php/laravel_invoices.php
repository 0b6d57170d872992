<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Str;

class InvoiceController extends Controller
{
    private const SORTABLE = ['issued_at', 'due_at', 'total', 'status'];

    public function __construct()
    {
        $this->middleware('auth');
    }

    public function index(Request $request): JsonResponse
    {
        $sort = in_array($request->query('sort'), self::SORTABLE, true) ? $request->query('sort') : 'issued_at';
        $invoices = $request->user()->invoices()->orderBy($sort, 'desc')->paginate(25);

        return response()->json($invoices);
    }

    public function outstanding(Request $request): JsonResponse
    {
        $customer = $request->input('customer');
        $minTotal = $request->input('min_total', 0);
        $rows = DB::select( // safe: CWE-89
            'SELECT id, number, total FROM invoices WHERE account_id = ? AND status = ? AND customer_name = ? AND total >= ?',
            [$request->user()->account_id, 'open', $customer, (float) $minTotal]
        );

        return response()->json($rows);
    }

    public function search(Request $request): JsonResponse
    {
        $term = $request->input('q', '');
        $accountId = $request->user()->account_id;
        $filter = "account_id = {$accountId}";
        if ($term !== '') {
            $filter .= " AND (number LIKE '%{$term}%' OR customer_name LIKE '%{$term}%')";
        }
        $invoices = Invoice::query()->whereRaw($filter)->limit(50)->get(); // vuln: CWE-89

        return response()->json($invoices);
    }

    public function update(Request $request, Invoice $invoice): JsonResponse
    {
        $this->authorize('update', $invoice);
        $invoice->forceFill($request->all())->save(); // vuln: CWE-915

        return response()->json($invoice->fresh());
    }

    public function updateNotes(Request $request, Invoice $invoice): JsonResponse
    {
        $this->authorize('update', $invoice);
        $data = $request->validate(['notes' => 'nullable|string|max:2000', 'due_at' => 'nullable|date']);
        $invoice->fill($data)->save();

        return response()->json($invoice);
    }

    public function markPaid(Request $request, Invoice $invoice): RedirectResponse
    {
        $this->authorize('update', $invoice);
        $invoice->update(['status' => 'paid', 'paid_at' => now()]);
        $next = $request->input('next', '/invoices');

        return redirect()->away($next); // vuln: CWE-601
    }

    public function archive(Request $request, Invoice $invoice): RedirectResponse
    {
        $this->authorize('update', $invoice);
        $invoice->update(['archived_at' => now()]);
        $next = $request->input('next', '/invoices');
        if (!Str::startsWith($next, '/') || Str::startsWith($next, '//') || Str::contains($next, '\\')) {
            $next = '/invoices';
        }

        return redirect()->to($next); // safe: CWE-601
    }
}
