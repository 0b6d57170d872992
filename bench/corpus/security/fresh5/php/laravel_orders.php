<?php

namespace App\Http\Controllers;

use App\Models\Order;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\RedirectResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Log;

class OrderController extends Controller
{
    private const SORTABLE = ['created_at', 'total', 'status'];

    private const RETURN_PATHS = ['/orders', '/account', '/cart'];

    public function index(Request $request): JsonResponse
    {
        $status = $request->query('status', 'open');
        $sort = $request->query('sort', 'created_at');
        $column = in_array($sort, self::SORTABLE, true) ? $sort : 'created_at';

        $rows = DB::select("SELECT id, reference, total, status FROM orders WHERE status = ? AND user_id = ? ORDER BY {$column} DESC", [$status, $request->user()->id]); // safe: CWE-89

        return response()->json(['data' => $rows]);
    }

    public function search(Request $request): JsonResponse
    {
        $term = (string) $request->input('q', '');
        $where = $this->buildFilter($term, (int) $request->user()->id);

        $orders = DB::select("SELECT id, reference, total FROM orders WHERE {$where} LIMIT 50"); // vuln: CWE-89

        return response()->json($orders);
    }

    public function update(Request $request, Order $order): JsonResponse
    {
        $this->authorize('update', $order);

        $order->fill($request->only(['shipping_address', 'notes', 'gift_wrap']))->save(); // safe: CWE-915

        return response()->json($order->fresh());
    }

    public function reorder(Request $request, Order $order): JsonResponse
    {
        $this->authorize('view', $order);

        $copy = $order->replicate();
        $copy->forceFill($request->all())->save(); // vuln: CWE-915

        return response()->json($copy, 201);
    }

    public function cancel(Request $request, Order $order): RedirectResponse
    {
        $this->authorize('update', $order);

        $reason = $request->input('reason', 'none given');
        $operator = $request->header('X-Operator', 'customer');
        Log::info('Order ' . $order->reference . ' cancelled by ' . $operator . ' reason=' . $reason); // vuln: CWE-117

        $order->update(['status' => 'cancelled']);

        return redirect()->away($request->query('return_to', '/orders')); // vuln: CWE-601
    }

    public function complete(Request $request, Order $order): RedirectResponse
    {
        $this->authorize('update', $order);
        $order->update(['status' => 'completed']);

        $next = $request->query('next', '/orders');
        if (!in_array($next, self::RETURN_PATHS, true)) {
            $next = '/orders';
        }

        return redirect()->to($next); // safe: CWE-601
    }

    private function buildFilter(string $term, int $userId): string
    {
        return "user_id = {$userId} AND reference LIKE '%{$term}%'";
    }
}
