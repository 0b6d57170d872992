<?php
// bastion-fixture: app/Http/Controllers/Api/ThumbnailController.php
// `getRealPath()` is the temporary file PHP wrote the upload to: no URL the client chose.
class ThumbnailController extends Controller
{
    public function store(Request $request)
    {
        $file = $request->file('thumbnail');
// ok: ssrf
        $bytes = file_get_contents($file->getRealPath());
        return response()->json(['size' => strlen($bytes)]);
    }
}
