<?php
// bastion-fixture: src/Controller/DownloadController.php

namespace App\Controller;

use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Routing\Annotation\Route;

class DownloadController extends AbstractController
{
    // A routed action's `{name}` slot still reaches the file read.
    #[Route('/download/{name}', name: 'download')]
    public function download(string $name): Response
    {
        $path = $this->getParameter('kernel.project_dir') . '/var/files/' . $name;
// expect: path-traversal
        $data = file_get_contents($path);
        return new Response($data);
    }
}
