<?php

declare(strict_types=1);

use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;
use Slim\Factory\AppFactory;
use Slim\Routing\RouteCollectorProxy;

require __DIR__ . '/../vendor/autoload.php';

$container = require __DIR__ . '/../config/container.php';
AppFactory::setContainer($container);
$app = AppFactory::create();
$app->addBodyParsingMiddleware();

function report_share_token(string $reportId, string $key): string
{
    $cipher = openssl_encrypt($reportId . '|' . time(), 'aes-128-ecb', $key, OPENSSL_RAW_DATA); // vuln: CWE-327
    return rtrim(strtr(base64_encode($cipher), '+/', '-_'), '=');
}

function e(string $value): string
{
    return htmlspecialchars($value, ENT_QUOTES | ENT_HTML5, 'UTF-8');
}

$app->group('/reports', function (RouteCollectorProxy $group) {
    $group->get('', function (Request $request, Response $response) {
        $params = $request->getQueryParams();
        $term = trim($params['q'] ?? '');
        $pdo = $this->get(PDO::class);
        $stmt = $pdo->prepare('SELECT id, title, created_at FROM reports WHERE title LIKE ? ORDER BY created_at DESC LIMIT 50');
        $stmt->execute(['%' . $term . '%']);

        $html = '<h2>Reports matching "' . e($term) . '"</h2><ul>'; // safe: CWE-79
        foreach ($stmt->fetchAll(PDO::FETCH_ASSOC) as $row) {
            $html .= sprintf('<li><a href="/reports/%d">%s</a></li>', (int) $row['id'], e($row['title']));
        }
        $response->getBody()->write($html . '</ul>');

        return $response->withHeader('Content-Type', 'text/html; charset=utf-8');
    });

    $group->get('/{id:[0-9]+}/share', function (Request $request, Response $response, array $args) {
        $key = $this->get('settings')['share_key'];
        $token = report_share_token($args['id'], $key);
        $response->getBody()->write(json_encode(['url' => '/shared/' . $token]));

        return $response->withHeader('Content-Type', 'application/json');
    });

    $group->get('/empty', function (Request $request, Response $response) {
        $params = $request->getQueryParams();
        $title = $params['title'] ?? 'Untitled report';
        $owner = $params['owner'] ?? '';
        $body = "<section class=\"empty\"><h3>{$title}</h3><p>No rows yet for " . e($owner) . '.</p></section>';
        $response->getBody()->write($body); // vuln: CWE-79

        return $response->withHeader('Content-Type', 'text/html; charset=utf-8');
    });
});

$app->run();
