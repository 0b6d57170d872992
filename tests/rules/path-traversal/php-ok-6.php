<?php
// bastion-fixture: app/Http/Controllers/ImportController.php
// Symfony's `UploadedFile` keeps only the base name of what the client sent, so
// `getClientOriginalName()` names no folder.
class ImportController extends Controller
{
    public function store(Request $request)
    {
        $archive = $request->file('archive');
// ok: path-traversal
        $archive->storeAs('imports/' . auth()->id(), $archive->getClientOriginalName());
        return back();
    }
}
