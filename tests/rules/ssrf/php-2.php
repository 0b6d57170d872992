<?php
// bastion-fixture: src/Controller/PreviewController.php

namespace App\Controller;

use Symfony\Component\HttpFoundation\Request;
use Symfony\Contracts\HttpClient\HttpClientInterface;

class PreviewController
{
    public function __construct(private HttpClientInterface $httpClient)
    {
    }

    // The JSON body of the incoming request names the URL.
    public function preview(Request $request): array
    {
        $body = $request->toArray();
// expect: ssrf
        return $this->httpClient->request('GET', $body['url'])->toArray();
    }
}
