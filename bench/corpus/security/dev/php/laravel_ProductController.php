<?php

namespace App\Http\Controllers;

use App\Models\Product;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;
use Illuminate\Support\Facades\Storage;

class ProductController extends Controller
{
    private const SORTABLE = ['name', 'price', 'created_at'];

    public function index(Request $request)
    {
        $category = $request->input('category');
        $rows = DB::select("SELECT * FROM products WHERE category = '$category'"); // vuln: CWE-89
        return response()->json($rows);
    }

    public function indexSafe(Request $request)
    {
        $rows = DB::select('SELECT * FROM products WHERE category = ?', [$request->input('category')]); // safe: CWE-89
        return response()->json($rows);
    }

    public function sorted(Request $request)
    {
        $sort = in_array($request->query('sort'), self::SORTABLE, true) ? $request->query('sort') : 'name';
        return Product::orderByRaw($sort . ' DESC')->get(); // safe: CWE-89
    }

    public function filtered(Request $request)
    {
        return Product::whereRaw("price > " . $request->query('min')); // vuln: CWE-89
    }

    public function filteredSafe(Request $request)
    {
        return Product::whereRaw('price > ?', [(float) $request->query('min')])->get(); // safe: CWE-89
    }

    public function stats(Request $request)
    {
        $expr = $request->input('expr');
        return Product::select(DB::raw("count(*) as n, $expr as bucket"))->groupBy('bucket')->get(); // vuln: CWE-89
    }

    public function store(Request $request)
    {
        $product = Product::create($request->all()); // vuln: CWE-915
        return response()->json($product, 201);
    }

    public function storeSafe(Request $request)
    {
        $product = Product::create($request->only(['name', 'price', 'category'])); // safe: CWE-915
        return response()->json($product, 201);
    }

    public function image(Request $request)
    {
        return response()->file(storage_path('app/images/' . $request->query('file'))); // vuln: CWE-22
    }

    public function imageSafe(Request $request)
    {
        return response()->file(storage_path('app/images/' . basename($request->query('file')))); // safe: CWE-22
    }

    public function importFeed(Request $request)
    {
        $response = Http::get($request->input('feed')); // vuln: CWE-918
        return $response->json();
    }

    public function thumbnail(Request $request, string $id)
    {
        exec('convert storage/app/images/' . $id . '.png -resize ' . $request->input('size') . ' /tmp/thumb.png'); // vuln: CWE-78
        return response()->noContent();
    }

    public function thumbnailSafe(Request $request, string $id)
    {
        exec('convert storage/app/images/' . escapeshellarg($id) . '.png -resize ' . escapeshellarg($request->input('size')) . ' /tmp/thumb.png'); // safe: CWE-78
        return response()->noContent();
    }

    public function title(Request $request)
    {
        return response('<h1>' . $request->query('title') . '</h1>'); // vuln: CWE-79
    }

    public function titleSafe(Request $request)
    {
        return response('<h1>' . e($request->query('title')) . '</h1>'); // safe: CWE-79
    }

    public function back(Request $request)
    {
        return redirect($request->query('url')); // vuln: CWE-601
    }

    public function backSafe()
    {
        return redirect()->route('products.index'); // safe: CWE-601
    }

    public function restoreCart(Request $request)
    {
        $cart = unserialize($request->cookie('cart')); // vuln: CWE-502
        return response()->json($cart);
    }

    public function restoreCartSafe(Request $request)
    {
        $cart = json_decode($request->cookie('cart'), true); // safe: CWE-502
        return response()->json($cart);
    }

    public function audit(Request $request)
    {
        Log::info('product viewed by ' . $request->input('visitor')); // vuln: CWE-117
        return response()->noContent();
    }
}
