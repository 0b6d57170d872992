<?php

namespace App\Controller;

use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpFoundation\ResponseHeaderBag;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;
use Symfony\Component\Routing\Annotation\Route;
use Twig\Environment;

#[Route('/reports')]
class ReportExportController
{
    private string $exportDir;

    public function __construct(private Environment $twig, string $projectDir)
    {
        $this->exportDir = $projectDir . '/var/exports';
    }

    #[Route('/{id}/pdf', methods: ['POST'])]
    public function renderPdf(Request $request, int $id): JsonResponse
    {
        $paper = $request->request->get('paper', 'A4');
        $orientation = $request->request->get('orientation', 'portrait');
        $target = sprintf('%s/report-%d.pdf', $this->exportDir, $id);
        $cmd = "wkhtmltopdf --page-size $paper --orientation $orientation http://localhost/reports/$id $target";
        exec($cmd, $output, $code); // vuln: CWE-78

        return new JsonResponse(['ok' => $code === 0]);
    }

    #[Route('/{id}/zip', methods: ['POST'])]
    public function zipReport(Request $request, int $id): JsonResponse
    {
        $label = (string) $request->request->get('label', 'report');
        $archive = $this->exportDir . '/' . preg_replace('/[^a-z0-9_-]/i', '', $label) . '.zip';
        $source = sprintf('%s/report-%d.pdf', $this->exportDir, $id);
        $result = shell_exec('zip -j ' . escapeshellarg($archive) . ' ' . escapeshellarg($source)); // safe: CWE-78

        return new JsonResponse(['ok' => $result !== null]);
    }

    #[Route('/download', methods: ['GET'])]
    public function download(Request $request): BinaryFileResponse
    {
        $name = $request->query->get('file', '');
        $path = $this->exportDir . '/' . $name;
        if (!is_file($path)) {
            throw new NotFoundHttpException();
        }

        return new BinaryFileResponse($path); // vuln: CWE-22
    }

    #[Route('/archive/{name}', methods: ['GET'])]
    public function archived(string $name): BinaryFileResponse
    {
        $base = realpath($this->exportDir . '/archive');
        $path = realpath($base . '/' . $name);
        if ($path === false || !str_starts_with($path, $base . DIRECTORY_SEPARATOR)) {
            throw new NotFoundHttpException();
        }
        $response = new BinaryFileResponse($path); // safe: CWE-22
        $response->setContentDisposition(ResponseHeaderBag::DISPOSITION_ATTACHMENT, basename($path));

        return $response;
    }

    #[Route('/preview', methods: ['POST'])]
    public function preview(Request $request): Response
    {
        $layout = $request->request->get('layout', '<h1>{{ title }}</h1>');
        $template = $this->twig->createTemplate($layout); // vuln: CWE-1336

        return new Response($template->render(['title' => 'Monthly report']));
    }

    #[Route('/preview/standard', methods: ['POST'])]
    public function standardPreview(Request $request): Response
    {
        $title = (string) $request->request->get('title', 'Monthly report');

        return new Response($this->twig->render('reports/preview.html.twig', ['title' => $title]));
    }
}
