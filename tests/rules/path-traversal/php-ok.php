<?php
// bastion-fixture: src/Controller/ExportController.php
// ok: path-traversal
namespace App\Controller;

use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Attribute\Route;

#[Route(path: '/export')]
final class ExportController extends AbstractController
{
    // `$projectDirectory` is bound to %kernel.project_dir% in services.yaml: the route
    // has no slot of that name, so the request cannot set it.
    #[Route(path: '/templates/upload', name: 'export_template_upload', methods: ['GET', 'POST'])]
    public function uploadTemplate(Request $request, string $projectDirectory): Response
    {
        $templateDir = $projectDirectory . DIRECTORY_SEPARATOR . 'var/export_templates';
        if (!file_exists($templateDir)) {
            @mkdir($templateDir, 0o777);
        }
        return $this->render('export/upload.html.twig');
    }
}
