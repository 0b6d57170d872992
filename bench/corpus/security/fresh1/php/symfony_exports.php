<?php

namespace App\Controller;

use App\Repository\ExportRepository;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpFoundation\ResponseHeaderBag;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;
use Symfony\Component\Routing\Annotation\Route;

#[Route('/exports')]
class ExportController extends AbstractController
{
    private const CHECKSUM_TOOLS = ['sha256' => 'sha256sum', 'sha1' => 'sha1sum', 'md5' => 'md5sum'];

    public function __construct(
        private readonly ExportRepository $exports,
        private readonly string $exportDir = '/var/app/exports',
    ) {
    }

    #[Route('/{id}/archive', methods: ['POST'])]
    public function archive(Request $request, int $id): JsonResponse
    {
        $export = $this->exports->find($id) ?? throw new NotFoundHttpException();
        $label = $request->request->get('label', 'export-' . $id);
        $cmd = sprintf('cd %s && zip -q -r %s.zip %s', $this->exportDir, $label, $export->getDirectory());
        $output = shell_exec($cmd); // vuln: CWE-78

        return new JsonResponse(['archive' => $label . '.zip', 'log' => $output]);
    }

    #[Route('/{id}/checksum', methods: ['GET'])]
    public function checksum(Request $request, int $id): JsonResponse
    {
        $export = $this->exports->find($id) ?? throw new NotFoundHttpException();
        $tool = self::CHECKSUM_TOOLS[$request->query->get('algo', 'sha256')] ?? 'sha256sum';
        $file = $this->exportDir . '/' . $export->getFilename();
        exec($tool . ' ' . escapeshellarg($file), $lines, $rc); // safe: CWE-78
        if ($rc !== 0 || $lines === []) {
            return new JsonResponse(['error' => 'checksum failed'], 500);
        }

        return new JsonResponse(['checksum' => strtok($lines[0], ' ')]);
    }

    #[Route('/download', methods: ['GET'])]
    public function download(Request $request): BinaryFileResponse
    {
        $name = (string) $request->query->get('file', '');
        $path = $this->exportDir . '/' . $name;
        if (!is_file($path)) {
            throw new NotFoundHttpException();
        }
        $response = new BinaryFileResponse($path); // vuln: CWE-22
        $response->setContentDisposition(ResponseHeaderBag::DISPOSITION_ATTACHMENT, basename($path));

        return $response;
    }

    #[Route('/shared/{name}', methods: ['GET'], requirements: ['name' => '.+'])]
    public function shared(string $name): BinaryFileResponse
    {
        $base = realpath($this->exportDir . '/shared');
        $path = realpath($base . '/' . $name);
        if ($base === false || $path === false || !str_starts_with($path, $base . DIRECTORY_SEPARATOR)) {
            throw new NotFoundHttpException();
        }

        return $this->file($path, basename($path), ResponseHeaderBag::DISPOSITION_ATTACHMENT); // safe: CWE-22
    }

    #[Route('/{id}/status', methods: ['GET'])]
    public function status(Request $request, int $id): Response
    {
        $export = $this->exports->find($id);
        if ($export === null) {
            $ref = $request->query->get('ref', '');
            return new Response('<p>No export found for reference ' . $ref . '</p>', 404); // vuln: CWE-79
        }
        $title = htmlspecialchars($export->getTitle(), ENT_QUOTES | ENT_HTML5, 'UTF-8');
        $state = htmlspecialchars($export->getStatus(), ENT_QUOTES | ENT_HTML5, 'UTF-8');

        return new Response('<p>Export <strong>' . $title . '</strong> is ' . $state . '</p>'); // safe: CWE-79
    }
}
