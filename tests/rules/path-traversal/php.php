<?php
// bastion-fixture: src/Controller/TemplateFolderController.php
namespace App\Controller;

use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Attribute\Route;

#[Route(path: '/export')]
final class TemplateFolderController extends AbstractController
{
    // `{folder}` is a slot of the route: the request names the directory.
    #[Route(path: '/templates/{folder}/create', name: 'export_template_folder', methods: ['POST'])]
    public function createFolder(Request $request, string $folder): Response
    {
        $templateDir = $this->getParameter('kernel.project_dir') . '/var/templates/' . $folder;
        if (!file_exists($templateDir)) {
// expect: path-traversal
            @mkdir($templateDir, 0o777);
        }
        return $this->redirectToRoute('export_templates');
    }
}
