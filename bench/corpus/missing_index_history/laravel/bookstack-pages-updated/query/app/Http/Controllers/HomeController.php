<?php

namespace BookStack\Http\Controllers;

use BookStack\Entities\Models\Page;
use Illuminate\Http\Request;

class HomeController extends Controller
{
    /**
     * Landing page: the pages edited most recently.
     */
    public function index(Request $request)
    {
        $limit = $request->has('short') ? 5 : 10;
        $lately = Page::visible()->with('book')
            ->where('draft', false)
            ->orderBy('updated_at', 'desc')
            ->take($limit)
            ->select(Page::$listAttributes)
            ->get();

        return view('home', ['lately' => $lately]);
    }
}
