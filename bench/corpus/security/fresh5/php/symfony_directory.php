<?php

namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\DependencyInjection\Attribute\Autowire;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\HttpFoundation\Response;
use Symfony\Component\Routing\Attribute\Route;
use Symfony\Contracts\HttpClient\HttpClientInterface;

#[Route('/directory')]
class DirectoryController extends AbstractController
{
    private $ldap;

    public function __construct(
        private readonly HttpClientInterface $httpClient,
        #[Autowire('%env(LDAP_URI)%')] string $ldapUri,
        #[Autowire('%env(LDAP_BIND_DN)%')] string $bindDn,
        #[Autowire('%env(LDAP_BIND_PASSWORD)%')] string $bindPassword,
        #[Autowire('%env(LDAP_BASE_DN)%')] private readonly string $baseDn,
    ) {
        $this->ldap = ldap_connect($ldapUri);
        ldap_set_option($this->ldap, LDAP_OPT_PROTOCOL_VERSION, 3);
        ldap_bind($this->ldap, $bindDn, $bindPassword);
    }

    #[Route('/people', methods: ['GET'])]
    public function people(Request $request): JsonResponse
    {
        $name = (string) $request->query->get('name', '');
        $filter = '(&(objectClass=person)(cn=' . ldap_escape($name, '', LDAP_ESCAPE_FILTER) . '*))';

        $result = ldap_search($this->ldap, $this->baseDn, $filter, ['cn', 'mail', 'title']); // safe: CWE-90

        return new JsonResponse($this->entries($result));
    }

    #[Route('/groups', methods: ['GET'])]
    public function groups(Request $request): JsonResponse
    {
        $member = $request->query->get('member', '');
        $department = $request->query->get('department', 'engineering');
        $filter = "(&(objectClass=groupOfNames)(ou={$department})(member=uid={$member},{$this->baseDn}))";

        $result = ldap_search($this->ldap, $this->baseDn, $filter, ['cn', 'description']); // vuln: CWE-90

        return new JsonResponse($this->entries($result));
    }

    #[Route('/avatar', methods: ['POST'])]
    public function importAvatar(Request $request): Response
    {
        $data = $request->toArray();
        $source = $data['avatar_url'] ?? null;
        if (!is_string($source) || $source === '') {
            return new JsonResponse(['error' => 'avatar_url required'], 422);
        }

        $response = $this->httpClient->request('GET', $source, ['timeout' => 5]); // vuln: CWE-918

        return new Response($response->getContent(), 200, [
            'Content-Type' => $response->getHeaders()['content-type'][0] ?? 'image/png',
        ]);
    }

    private function entries($result): array
    {
        if ($result === false) {
            return [];
        }
        $out = [];
        $entries = ldap_get_entries($this->ldap, $result);
        for ($i = 0; $i < $entries['count']; $i++) {
            $out[] = [
                'cn' => $entries[$i]['cn'][0] ?? null,
                'mail' => $entries[$i]['mail'][0] ?? null,
            ];
        }

        return $out;
    }
}
