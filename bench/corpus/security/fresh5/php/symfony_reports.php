<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\DependencyInjection\Attribute\Autowire;
use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;
use Symfony\Component\Process\Process;
use Symfony\Component\Routing\Attribute\Route;
use Twig\Environment;

#[Route('/reports')]
class ReportController extends AbstractController
{
    public function __construct(
        private readonly Environment $twig,
        #[Autowire('%kernel.project_dir%/var/reports')]
        private readonly string $reportDir,
    ) {
    }

    #[Route('/download', methods: ['GET'])]
    public function download(Request $request): Response
    {
        $file = $request->query->get('file', 'latest.pdf');
        $path = $this->reportDir . '/' . $file;

        return new BinaryFileResponse($path); // vuln: CWE-22
    }

    #[Route('/archive', methods: ['GET'])]
    public function archive(Request $request): Response
    {
        $base = $this->reportDir . '/archive/';
        $file = basename((string) $request->query->get('file'));
        $full = realpath($base . $file);
        if ($full === false || !str_starts_with($full, $base)) {
            throw new NotFoundHttpException();
        }

        return new BinaryFileResponse($full); // safe: CWE-22
    }

    #[Route('/convert', methods: ['POST'])]
    public function convert(Request $request): JsonResponse
    {
        $payload = $request->toArray();
        $source = $payload['source'] ?? 'monthly.odt';
        $cmd = sprintf('libreoffice --headless --convert-to pdf --outdir %s %s/%s', $this->reportDir, $this->reportDir, $source);

        $process = Process::fromShellCommandline($cmd); // vuln: CWE-78
        $process->setTimeout(120);
        $process->run();

        return new JsonResponse(['ok' => $process->isSuccessful()]);
    }

    #[Route('/compress/{id}', methods: ['POST'], requirements: ['id' => '\d+'])]
    public function compress(int $id): JsonResponse
    {
        $full = sprintf('%s/report-%d.csv', $this->reportDir, $id);

        $process = new Process(['gzip', '-k', '-f', $full]); // safe: CWE-78
        $process->run();

        return new JsonResponse(['ok' => $process->isSuccessful()]);
    }

    #[Route('/preview', methods: ['POST'])]
    public function preview(Request $request): Response
    {
        $layout = (string) $request->request->get('layout', '');
        $data = ['title' => 'Preview', 'rows' => []];

        $template = $this->twig->createTemplate($layout); // vuln: CWE-1336

        return new Response($template->render($data));
    }

    #[Route('/summary', methods: ['GET'])]
    public function summary(Request $request): Response
    {
        $title = (string) $request->query->get('title', 'Summary');

        $html = $this->twig->render('reports/summary.html.twig', ['title' => $title]); // safe: CWE-1336

        return new Response($html);
    }

    #[Route('/import', methods: ['POST'])]
    public function import(Request $request): JsonResponse
    {
        $doc = new \DOMDocument();
        $doc->loadXML($request->getContent(), LIBXML_NOENT | LIBXML_DTDLOAD); // vuln: CWE-611

        $rows = [];
        foreach ($doc->getElementsByTagName('row') as $node) {
            $rows[] = [
                'label' => $node->getAttribute('label'),
                'value' => (float) $node->textContent,
            ];
        }

        return new JsonResponse(['imported' => count($rows)]);
    }
}
