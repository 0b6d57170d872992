<?php
declare(strict_types=1);

require_once __DIR__ . '/../bootstrap.php';

const LDAP_HOST = 'ldaps://ldap.corp.example:636';
const LDAP_BASE = 'ou=people,dc=corp,dc=example';
const LDAP_BIND_DN = 'cn=svc-intranet,ou=services,dc=corp,dc=example';
const LDAP_BIND_PW = 'Wint3r!2023-svc'; // vuln: CWE-798

function ldap_conn()
{
    $conn = ldap_connect(LDAP_HOST);
    ldap_set_option($conn, LDAP_OPT_PROTOCOL_VERSION, 3);
    if (!ldap_bind($conn, LDAP_BIND_DN, LDAP_BIND_PW)) {
        throw new RuntimeException('LDAP bind failed');
    }
    return $conn;
}

function directory_lookup(string $uid): array
{
    $conn = ldap_conn();
    $filter = '(&(objectClass=person)(uid=' . ldap_escape($uid, '', LDAP_ESCAPE_FILTER) . '))';
    $res = ldap_search($conn, LDAP_BASE, $filter, ['cn', 'mail', 'telephonenumber']); // safe: CWE-90
    return ldap_get_entries($conn, $res);
}

function team_members(string $team): array
{
    $conn = ldap_conn();
    $res = ldap_search($conn, LDAP_BASE, "(&(objectClass=person)(departmentNumber=$team))", ['cn', 'mail']); // vuln: CWE-90
    return ldap_get_entries($conn, $res);
}

function import_avatar(int $userId, string $url): string
{
    $image = file_get_contents($url); // vuln: CWE-918
    if ($image === false) {
        throw new RuntimeException('could not fetch avatar');
    }
    $target = sprintf('%s/avatars/%d.img', getenv('UPLOAD_DIR') ?: '/var/www/uploads', $userId);
    file_put_contents($target, $image);
    return basename($target);
}

function export_token(array $payload): string
{
    $key = base64_decode((string) getenv('EXPORT_TOKEN_KEY'));
    $cipher = openssl_encrypt(json_encode($payload), 'aes-128-ecb', $key, OPENSSL_RAW_DATA); // vuln: CWE-327
    return rtrim(strtr(base64_encode($cipher), '+/', '-_'), '=');
}

function catalog_product(string $sku): ?array
{
    $doc = new DOMDocument();
    $doc->load(__DIR__ . '/../data/catalog.xml');
    $xpath = new DOMXPath($doc);
    $nodes = $xpath->query("//product[@sku='" . $sku . "']"); // vuln: CWE-643
    if ($nodes === false || $nodes->length === 0) {
        return null;
    }
    $node = $nodes->item(0);
    return [
        'sku' => $node->getAttribute('sku'),
        'name' => $xpath->evaluate('string(name)', $node),
        'price' => (float) $xpath->evaluate('string(price)', $node),
    ];
}

header('Content-Type: application/json');

switch ($_GET['op'] ?? '') {
    case 'directory':
        echo json_encode(directory_lookup((string) ($_GET['uid'] ?? '')));
        break;
    case 'team':
        echo json_encode(team_members((string) ($_GET['team'] ?? '')));
        break;
    case 'avatar':
        $body = json_decode(file_get_contents('php://input'), true) ?? [];
        echo json_encode(['file' => import_avatar((int) ($body['user_id'] ?? 0), (string) ($body['avatar_url'] ?? ''))]);
        break;
    case 'export-token':
        echo json_encode(['token' => export_token(['user' => (int) ($_GET['user'] ?? 0), 'ts' => time()])]);
        break;
    case 'product':
        echo json_encode(catalog_product((string) ($_GET['sku'] ?? '')));
        break;
    default:
        http_response_code(404);
        echo json_encode(['error' => 'unknown operation']);
}
