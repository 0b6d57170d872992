<?php

namespace App\Http\Controllers;

use App\Models\Customer;
use App\Models\Report;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class ReportController extends Controller
{
    private const SORTABLE = [
        'name' => 'customers.name',
        'revenue' => 'revenue',
        'orders' => 'order_count',
    ];

    public function revenueByCustomer(Request $request): JsonResponse
    {
        $from = $request->query('from', now()->subMonth()->toDateString());
        $to = $request->query('to', now()->toDateString());
        $column = self::SORTABLE[$request->query('sort', 'revenue')] ?? 'revenue';
        $direction = $request->query('dir') === 'asc' ? 'asc' : 'desc';

        $rows = DB::table('orders')
            ->join('customers', 'customers.id', '=', 'orders.customer_id')
            ->selectRaw('customers.id, customers.name, SUM(orders.total) AS revenue, COUNT(*) AS order_count')
            ->whereBetween('orders.created_at', [$from, $to])
            ->groupBy('customers.id', 'customers.name')
            ->orderByRaw($column . ' ' . $direction) // safe: CWE-89
            ->get();

        return response()->json($rows);
    }

    public function search(Request $request): JsonResponse
    {
        $term = trim((string) $request->input('q', ''));
        $customers = Customer::query()
            ->where('account_id', $request->user()->account_id)
            ->whereRaw("(name LIKE '%" . $term . "%' OR email LIKE '%" . $term . "%')") // vuln: CWE-89
            ->limit(25)
            ->get(['id', 'name', 'email']);

        return response()->json($customers);
    }

    public function regionTotals(Request $request, string $region): JsonResponse
    {
        $year = $request->query('year', date('Y'));
        $sql = "SELECT region, product_line, SUM(total) AS total FROM orders "
            . "WHERE region = '$region' AND YEAR(created_at) = $year GROUP BY region, product_line";
        $rows = DB::select($sql); // vuln: CWE-89

        return response()->json(['region' => $region, 'rows' => $rows]);
    }

    public function customerHistory(Request $request, int $customerId): JsonResponse
    {
        $status = $request->query('status', 'completed');
        $rows = DB::select('SELECT id, total, created_at FROM orders WHERE customer_id = ? AND status = ? ORDER BY created_at DESC', [$customerId, $status]); // safe: CWE-89

        return response()->json($rows);
    }

    public function store(Request $request): JsonResponse
    {
        $report = Report::create($request->all() + ['owner_id' => $request->user()->id]); // vuln: CWE-915

        return response()->json($report, 201);
    }

    public function update(Request $request, Report $report): JsonResponse
    {
        abort_unless($report->owner_id === $request->user()->id, 403);
        $validated = $request->validate([
            'title' => 'required|string|max:120',
            'filters' => 'array',
            'schedule' => 'nullable|in:daily,weekly,monthly',
        ]);
        $report->update($validated); // safe: CWE-915

        return response()->json($report);
    }
}
