<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpKernel\Exception\NotFoundHttpException;
use Symfony\Component\Routing\Annotation\Route;
use Symfony\Contracts\HttpClient\HttpClientInterface;

#[Route('/media')]
class MediaController extends AbstractController
{
    public function __construct(
        private HttpClientInterface $http,
        private string $mediaDir = '/var/www/shared/media',
    ) {
    }

    #[Route('/probe', methods: ['POST'])]
    public function probe(Request $request): JsonResponse
    {
        $name = $request->request->get('name');
        $path = $this->mediaDir . '/' . $name;
        $json = shell_exec("ffprobe -v quiet -print_format json -show_format $path"); // vuln: CWE-78

        return new JsonResponse(json_decode((string) $json, true));
    }

    #[Route('/transcode', methods: ['POST'])]
    public function transcode(Request $request): JsonResponse
    {
        $upload = $request->files->get('video');
        $target = $this->mediaDir . '/' . bin2hex(random_bytes(8)) . '.mp4';
        $cmd = sprintf(
            'ffmpeg -y -i %s -vf scale=1280:-2 %s 2>&1',
            escapeshellarg($upload->getPathname()),
            escapeshellarg($target)
        );
        exec($cmd, $output, $code); // safe: CWE-78

        return new JsonResponse(['ok' => $code === 0, 'file' => basename($target)]);
    }

    #[Route('/file/{name}', methods: ['GET'])]
    public function file(string $name): BinaryFileResponse
    {
        $base = realpath($this->mediaDir);
        $full = realpath($base . DIRECTORY_SEPARATOR . $name);
        if ($full === false || !str_starts_with($full, $base . DIRECTORY_SEPARATOR)) {
            throw new NotFoundHttpException();
        }

        return new BinaryFileResponse($full); // safe: CWE-22
    }

    #[Route('/manifest', methods: ['POST'])]
    public function manifest(Request $request): JsonResponse
    {
        $doc = new \DOMDocument();
        $doc->loadXML($request->getContent(), LIBXML_NOENT | LIBXML_DTDLOAD); // vuln: CWE-611
        $items = [];
        foreach ($doc->getElementsByTagName('asset') as $asset) {
            $items[] = ['id' => $asset->getAttribute('id'), 'title' => trim($asset->textContent)];
        }

        return new JsonResponse($items);
    }

    #[Route('/captions', methods: ['POST'])]
    public function captions(Request $request): JsonResponse
    {
        $xml = $request->files->get('captions')->getContent();
        $doc = new \DOMDocument();
        $doc->loadXML($xml, LIBXML_NONET); // safe: CWE-611
        $count = $doc->getElementsByTagName('p')->length;

        return new JsonResponse(['cues' => $count]);
    }

    #[Route('/import-remote', methods: ['POST'])]
    public function importRemote(Request $request): JsonResponse
    {
        $payload = json_decode($request->getContent(), true) ?? [];
        $source = $payload['source_url'] ?? '';
        $response = $this->http->request('GET', $source, ['timeout' => 20]); // vuln: CWE-918
        $target = $this->mediaDir . '/' . bin2hex(random_bytes(8));
        file_put_contents($target, $response->getContent());

        return new JsonResponse(['stored' => basename($target), 'bytes' => filesize($target)]);
    }
}
