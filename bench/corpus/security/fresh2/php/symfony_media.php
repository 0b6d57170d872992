<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\DependencyInjection\Attribute\Autowire;
use Symfony\Component\HttpFoundation\BinaryFileResponse;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\ResponseHeaderBag;
use Symfony\Component\Process\Process;
use Symfony\Component\Routing\Annotation\Route;

#[Route('/media')]
class MediaController extends AbstractController
{
    public function __construct(
        #[Autowire('%kernel.project_dir%/var/media')] private string $mediaDir,
    ) {
    }

    #[Route('/download', methods: ['GET'])]
    public function download(Request $request): BinaryFileResponse
    {
        $file = $request->query->get('file', '');
        $path = $this->mediaDir . '/' . $file;
        if (!is_file($path)) {
            throw $this->createNotFoundException();
        }

        return $this->file($path, null, ResponseHeaderBag::DISPOSITION_ATTACHMENT); // vuln: CWE-22
    }

    #[Route('/stream/{name}', methods: ['GET'])]
    public function stream(string $name): BinaryFileResponse
    {
        $base = realpath($this->mediaDir);
        $path = realpath($base . DIRECTORY_SEPARATOR . $name);
        if ($path === false || !str_starts_with($path, $base . DIRECTORY_SEPARATOR)) {
            throw $this->createNotFoundException();
        }

        return new BinaryFileResponse($path); // safe: CWE-22
    }

    #[Route('/probe', methods: ['POST'])]
    public function probe(Request $request): JsonResponse
    {
        $name = $request->request->get('name');
        $target = $this->mediaDir . '/uploads/' . $name;
        $output = shell_exec('ffprobe -v quiet -print_format json -show_format ' . $target); // vuln: CWE-78

        return new JsonResponse(json_decode((string) $output, true) ?? ['error' => 'probe failed']);
    }

    #[Route('/{id}/transcode', methods: ['POST'])]
    public function transcode(int $id, Request $request): JsonResponse
    {
        $bitrate = max(64, min(320, (int) $request->request->get('bitrate', 128)));
        $source = sprintf('%s/uploads/%d.wav', $this->mediaDir, $id);
        $dest = sprintf('%s/encoded/%d-%dk.mp3', $this->mediaDir, $id, $bitrate);
        $process = new Process(['ffmpeg', '-y', '-i', $source, '-b:a', $bitrate . 'k', $dest]); // safe: CWE-78
        $process->setTimeout(120);
        $process->run();

        return new JsonResponse(['ok' => $process->isSuccessful(), 'file' => basename($dest)]);
    }

    #[Route('/playlist/import', methods: ['POST'])]
    public function importPlaylist(Request $request): JsonResponse
    {
        $xml = $request->getContent();
        $dom = new \DOMDocument();
        $dom->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD); // vuln: CWE-611
        $tracks = [];
        foreach ($dom->getElementsByTagName('track') as $track) {
            $tracks[] = [
                'title' => $track->getAttribute('title'),
                'file' => $track->getAttribute('file'),
            ];
        }

        return new JsonResponse(['count' => count($tracks), 'tracks' => $tracks]);
    }
}
