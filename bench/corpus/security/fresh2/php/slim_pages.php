<?php

declare(strict_types=1);

use Psr\Http\Message\ResponseInterface as Response;
use Psr\Http\Message\ServerRequestInterface as Request;
use Slim\Factory\AppFactory;

require __DIR__ . '/../vendor/autoload.php';

$app = AppFactory::create();
$app->addBodyParsingMiddleware();
$app->addRoutingMiddleware();
$app->addErrorMiddleware(false, true, true);

const PAGES_DIR = __DIR__ . '/../pages';
const HELP_TOPICS = [
    'billing' => 'help/billing.php',
    'shipping' => 'help/shipping.php',
    'returns' => 'help/returns.php',
];

function render_layout(Response $response, string $title, string $body): Response
{
    $safeTitle = htmlspecialchars($title, ENT_QUOTES, 'UTF-8');
    $response->getBody()->write("<!doctype html><html><head><title>{$safeTitle}</title></head><body>{$body}</body></html>");
    return $response->withHeader('Content-Type', 'text/html; charset=utf-8');
}

$app->get('/page', function (Request $request, Response $response) {
    $params = $request->getQueryParams();
    $page = $params['p'] ?? 'home';
    ob_start();
    include PAGES_DIR . '/' . $page . '.php'; // vuln: CWE-98
    $content = ob_get_clean();

    return render_layout($response, ucfirst($page), $content);
});

$app->get('/help/{topic}', function (Request $request, Response $response, array $args) {
    $topic = array_key_exists($args['topic'], HELP_TOPICS) ? $args['topic'] : 'billing';
    ob_start();
    require PAGES_DIR . '/' . HELP_TOPICS[$topic]; // safe: CWE-98
    $content = ob_get_clean();

    return render_layout($response, 'Help', $content);
});

$app->get('/search', function (Request $request, Response $response) {
    $q = trim($request->getQueryParams()['q'] ?? '');
    $results = search_index($q);
    $html = '<h1>Results for "' . $q . '"</h1><ul>';
    foreach ($results as $r) {
        $html .= '<li><a href="/item/' . (int) $r['id'] . '">' . htmlspecialchars($r['title'], ENT_QUOTES, 'UTF-8') . '</a></li>';
    }
    $html .= '</ul>';
    $response->getBody()->write($html); // vuln: CWE-79

    return $response->withHeader('Content-Type', 'text/html; charset=utf-8');
});

$app->get('/hello', function (Request $request, Response $response) {
    $name = $request->getQueryParams()['name'] ?? 'guest';
    $response->getBody()->write('<p>Hello, ' . htmlspecialchars($name, ENT_QUOTES | ENT_HTML5, 'UTF-8') . '!</p>'); // safe: CWE-79

    return $response;
});

$app->get('/cart', function (Request $request, Response $response) {
    $cookies = $request->getCookieParams();
    $cart = isset($cookies['cart']) ? unserialize(base64_decode($cookies['cart'])) : []; // vuln: CWE-502
    $count = is_array($cart) ? count($cart) : 0;
    $response->getBody()->write(json_encode(['items' => $count]));

    return $response->withHeader('Content-Type', 'application/json');
});

function search_index(string $q): array
{
    $pdo = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS'));
    $stmt = $pdo->prepare('SELECT id, title FROM items WHERE title LIKE ? LIMIT 20');
    $stmt->execute(['%' . $q . '%']);

    return $stmt->fetchAll(PDO::FETCH_ASSOC);
}

$app->run();
