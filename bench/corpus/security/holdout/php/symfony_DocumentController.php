<?php

namespace App\Controller;

use Doctrine\DBAL\Connection;
use Doctrine\ORM\EntityManagerInterface;
use Psr\Log\LoggerInterface;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\Cookie;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\RedirectResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Process\Process;
use Symfony\Component\Routing\Annotation\Route;
use Symfony\Contracts\HttpClient\HttpClientInterface;
use Twig\Environment;

class DocumentController extends AbstractController
{
    private const STORAGE = '/srv/documents';

    public function __construct(
        private Connection $db,
        private EntityManagerInterface $em,
        private HttpClientInterface $http,
        private LoggerInterface $logger,
        private Environment $twig,
    ) {
    }

    #[Route('/documents', methods: ['GET'])]
    public function list(Request $request): JsonResponse
    {
        $owner = $request->query->get('owner');
        $rows = $this->db->fetchAllAssociative("SELECT * FROM document WHERE owner = '" . $owner . "'"); // vuln: CWE-89
        return $this->json($rows);
    }

    #[Route('/documents/safe', methods: ['GET'])]
    public function listSafe(Request $request): JsonResponse
    {
        $rows = $this->db->fetchAllAssociative('SELECT * FROM document WHERE owner = ?', [$request->query->get('owner')]); // safe: CWE-89
        return $this->json($rows);
    }

    #[Route('/documents/dql', methods: ['GET'])]
    public function dql(Request $request): JsonResponse
    {
        $q = $this->em->createQuery("SELECT d FROM App\Entity\Document d WHERE d.title = '" . $request->query->get('title') . "'"); // vuln: CWE-89
        return $this->json($q->getArrayResult());
    }

    #[Route('/documents/dql-safe', methods: ['GET'])]
    public function dqlSafe(Request $request): JsonResponse
    {
        $q = $this->em->createQuery('SELECT d FROM App\Entity\Document d WHERE d.title = :t')->setParameter('t', $request->query->get('title')); // safe: CWE-89
        return $this->json($q->getArrayResult());
    }

    #[Route('/documents/limit', methods: ['GET'])]
    public function limited(Request $request): JsonResponse
    {
        $limit = $request->query->getInt('limit', 20);
        $rows = $this->db->fetchAllAssociative('SELECT * FROM document LIMIT ' . $limit); // safe: CWE-89
        return $this->json($rows);
    }

    #[Route('/documents/file', methods: ['GET'])]
    public function file(Request $request): BinaryFileResponse
    {
        return new BinaryFileResponse(self::STORAGE . '/' . $request->query->get('name')); // vuln: CWE-22
    }

    #[Route('/documents/file-safe', methods: ['GET'])]
    public function fileSafe(Request $request): Response
    {
        $path = realpath(self::STORAGE . '/' . $request->query->get('name'));
        if ($path === false || !str_starts_with($path, self::STORAGE . '/')) {
            throw $this->createNotFoundException();
        }
        return new BinaryFileResponse($path); // safe: CWE-22
    }

    #[Route('/documents/convert', methods: ['POST'])]
    public function convert(Request $request): Response
    {
        $process = Process::fromShellCommandline('soffice --convert-to pdf ' . $request->request->get('file')); // vuln: CWE-78
        $process->run();
        return new Response('', 204);
    }

    #[Route('/documents/convert-safe', methods: ['POST'])]
    public function convertSafe(Request $request): Response
    {
        $process = new Process(['soffice', '--convert-to', 'pdf', $request->request->get('file')]); // safe: CWE-78
        $process->run();
        return new Response('', 204);
    }

    #[Route('/documents/preview', methods: ['POST'])]
    public function preview(Request $request): Response
    {
        $template = $this->twig->createTemplate($request->request->get('template')); // vuln: CWE-1336
        return new Response($template->render([]));
    }

    #[Route('/documents/preview-safe', methods: ['POST'])]
    public function previewSafe(Request $request): Response
    {
        return $this->render('documents/preview.html.twig', ['body' => $request->request->get('body')]); // safe: CWE-1336
    }

    #[Route('/documents/title', methods: ['GET'])]
    public function title(Request $request): Response
    {
        return new Response('<h1>' . $request->query->get('title') . '</h1>'); // vuln: CWE-79
    }

    #[Route('/documents/title-safe', methods: ['GET'])]
    public function titleSafe(Request $request): Response
    {
        return new Response('<h1>' . htmlspecialchars($request->query->get('title'), ENT_QUOTES) . '</h1>'); // safe: CWE-79
    }

    #[Route('/documents/fetch', methods: ['POST'])]
    public function fetch(Request $request): JsonResponse
    {
        $resp = $this->http->request('GET', $request->request->get('url')); // vuln: CWE-918
        return $this->json(['status' => $resp->getStatusCode()]);
    }

    #[Route('/documents/back', methods: ['GET'])]
    public function back(Request $request): RedirectResponse
    {
        return new RedirectResponse($request->query->get('back')); // vuln: CWE-601
    }

    #[Route('/documents/back-safe', methods: ['GET'])]
    public function backSafe(): RedirectResponse
    {
        return $this->redirectToRoute('documents_list'); // safe: CWE-601
    }

    #[Route('/documents/download-name', methods: ['GET'])]
    public function downloadName(Request $request): Response
    {
        $response = new Response('');
        $response->headers->set('Content-Disposition', 'attachment; filename=' . $request->query->get('filename')); // vuln: CWE-113
        return $response;
    }

    #[Route('/documents/audit', methods: ['POST'])]
    public function audit(Request $request): Response
    {
        $this->logger->info('document opened: ' . $request->request->get('doc')); // vuln: CWE-117
        $this->logger->info('document opened', ['doc' => $request->request->get('doc')]); // safe: CWE-117
        return new Response('', 204);
    }

    #[Route('/documents/session', methods: ['POST'])]
    public function session(): Response
    {
        $response = new Response('');
        $response->headers->setCookie(Cookie::create('doc_session', bin2hex(random_bytes(16)), 0, '/', null, false, false)); // vuln: CWE-614
        $response->headers->setCookie(Cookie::create('doc_session2', bin2hex(random_bytes(16)), 0, '/', null, true, true)); // safe: CWE-614
        return $response;
    }
}
