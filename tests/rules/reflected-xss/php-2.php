<?php
// bastion-fixture: app/Http/Controllers/NotesController.php
namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Http\Response;

class NotesController extends Controller
{
    public function raw(Request $request): Response
    {
        // Sent as plain text: the browser shows it, it does not run it.
        return new Response($request->get('body'), 200, ['Content-Type' => 'text/plain']);
    }

    public function preview(Request $request): Response
    {
// expect: reflected-xss
        return new Response($request->get('body'), 200);
    }
}
