<?php
// bastion-fixture: src/Controller/Backend/Async/UploadController.php
// ok: path-traversal

namespace App\Controller\Backend\Async;

use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Annotation\Route;

class UploadController extends AbstractController
{
    #[Route('/async/upload', name: 'bolt_async_upload', methods: ['POST'])]
    public function handleUpload(Request $request): JsonResponse
    {
        $this->uploader->addRule([$this, 'checkJavascript']);
        return new JsonResponse($this->uploader->process($request->files->get('file')));
    }

    // The upload library's validation callback: the router never calls it, and
    // `tmp_name` is the temporary path PHP chose.
    public function checkJavascript($file)
    {
        $svg = file_get_contents($file['tmp_name']);
        return strpos($svg, '<script') === false;
    }
}
