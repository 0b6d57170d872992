<?php

namespace App\Controller;

use App\Repository\LegacyUserRepository;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\Cookie;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Annotation\Route;

class DirectoryController extends AbstractController
{
    private const BASE_DN = 'ou=people,dc=corp,dc=example';

    public function __construct(private LegacyUserRepository $users)
    {
    }

    private function ldap()
    {
        $conn = ldap_connect($_ENV['LDAP_URL']);
        ldap_set_option($conn, LDAP_OPT_PROTOCOL_VERSION, 3);
        ldap_bind($conn, $_ENV['LDAP_BIND_DN'], $_ENV['LDAP_BIND_PASSWORD']);
        return $conn;
    }

    #[Route('/directory/lookup', methods: ['GET'])]
    public function lookup(Request $request): JsonResponse
    {
        $uid = $request->query->get('uid', '');
        $filter = sprintf('(&(objectClass=inetOrgPerson)(uid=%s))', $uid);
        $conn = $this->ldap();
        $result = ldap_search($conn, self::BASE_DN, $filter, ['cn', 'mail', 'title']); // vuln: CWE-90
        $entries = ldap_get_entries($conn, $result);

        return new JsonResponse(['count' => $entries['count'] ?? 0]);
    }

    #[Route('/directory/search', methods: ['GET'])]
    public function search(Request $request): JsonResponse
    {
        $term = ldap_escape((string) $request->query->get('q', ''), '', LDAP_ESCAPE_FILTER);
        $conn = $this->ldap();
        $result = ldap_search($conn, self::BASE_DN, "(|(cn=*{$term}*)(mail={$term}*))", ['cn', 'mail'], 0, 50); // safe: CWE-90
        $people = [];
        foreach (ldap_get_entries($conn, $result) as $key => $entry) {
            if ($key === 'count') {
                continue;
            }
            $people[] = ['name' => $entry['cn'][0] ?? null, 'mail' => $entry['mail'][0] ?? null];
        }

        return new JsonResponse($people);
    }

    #[Route('/legacy/login', methods: ['POST'])]
    public function legacyLogin(Request $request): JsonResponse
    {
        $email = $request->request->get('email');
        $password = (string) $request->request->get('password');
        $user = $this->users->findOneBy(['email' => $email]);
        if ($user === null || $user->getPasswordHash() !== md5($password)) { // vuln: CWE-328
            return new JsonResponse(['error' => 'invalid credentials'], 401);
        }
        $user->setPasswordHash(password_hash($password, PASSWORD_BCRYPT)); // safe: CWE-328
        $this->users->save($user, true);

        $response = new JsonResponse(['ok' => true]);
        $response->headers->setCookie(new Cookie('legacy_session', bin2hex(random_bytes(32)), strtotime('+8 hours'), '/', null, false, true)); // vuln: CWE-614

        return $response;
    }

    #[Route('/preferences/theme', methods: ['POST'])]
    public function saveTheme(Request $request): JsonResponse
    {
        $theme = in_array($request->request->get('theme'), ['light', 'dark'], true) ? $request->request->get('theme') : 'light';
        $response = new JsonResponse(['theme' => $theme]);
        $response->headers->setCookie(Cookie::create('theme', $theme)->withSecure(true)->withHttpOnly(true)->withSameSite('lax')); // safe: CWE-614

        return $response;
    }
}
