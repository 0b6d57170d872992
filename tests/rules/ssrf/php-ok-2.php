<?php
// bastion-fixture: src/Security/SingleSignOn/OpenIdAdapter.php
// ok: ssrf

namespace App\Security\SingleSignOn;

use Symfony\Component\HttpFoundation\Request;
use Symfony\Contracts\HttpClient\HttpClientInterface;

class OpenIdAdapter
{
    public function __construct(private HttpClientInterface $httpClient, private string $endpoint)
    {
    }

    // The discovery document comes from the configured identity provider: the HTTP
    // client's response, not the incoming request.
    public function userInfo(string $token): array
    {
        $configuration = $this->httpClient->request('GET', $this->endpoint)->toArray();
        $userinfo = $configuration['userinfo_endpoint'];
        return $this->httpClient->request('GET', $userinfo, ['auth_bearer' => $token])->toArray();
    }
}
