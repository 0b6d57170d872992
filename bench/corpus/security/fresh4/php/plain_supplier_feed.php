<?php
// Supplier feed endpoint: accepts XML price lists and fetches product images.

declare(strict_types=1);

require_once __DIR__ . '/../bootstrap.php';

const IMAGE_HOSTS = ['img.supplier-one.com', 'cdn.wholesale-parts.eu'];

function cors_headers(): void
{
    $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
    if ($origin !== '') {
        header('Access-Control-Allow-Origin: ' . $origin); // vuln: CWE-942
        header('Access-Control-Allow-Credentials: true');
        header('Vary: Origin');
    }
}

function parse_price_list(string $xml): array
{
    $doc = new DOMDocument();
    $doc->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD); // vuln: CWE-611
    $prices = [];
    foreach ($doc->getElementsByTagName('item') as $item) {
        $sku = $item->getElementsByTagName('sku')->item(0)?->textContent;
        $prices[$sku] = (float) $item->getElementsByTagName('price')->item(0)?->textContent;
    }
    return $prices;
}

function parse_stock_list(string $xml): array
{
    $doc = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NONET); // safe: CWE-611
    if ($doc === false) {
        return [];
    }
    $stock = [];
    foreach ($doc->item as $item) {
        $stock[(string) $item->sku] = (int) $item->qty;
    }
    return $stock;
}

function fetch_image(string $url): string|false
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_TIMEOUT, 15);
    curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
    $body = curl_exec($ch);
    curl_close($ch);
    return $body;
}

cors_headers();
header('Content-Type: application/json');
$action = $_GET['action'] ?? '';

switch ($action) {
    case 'prices':
        $prices = parse_price_list(file_get_contents('php://input'));
        echo json_encode(['updated' => count($prices)]);
        break;

    case 'stock':
        $stock = parse_stock_list(file_get_contents('php://input'));
        echo json_encode(['updated' => count($stock)]);
        break;

    case 'image':
        $imageUrl = $_POST['image_url'] ?? '';
        $data = file_get_contents($imageUrl); // vuln: CWE-918
        file_put_contents(sys_get_temp_dir() . '/img-' . bin2hex(random_bytes(8)), $data);
        echo json_encode(['bytes' => strlen((string) $data)]);
        break;

    case 'image-verified':
        $imageUrl = $_POST['image_url'] ?? '';
        $parts = parse_url($imageUrl);
        if (($parts['scheme'] ?? '') !== 'https' || !in_array($parts['host'] ?? '', IMAGE_HOSTS, true)) {
            http_response_code(400);
            echo json_encode(['error' => 'host not allowed']);
            break;
        }
        $data = fetch_image($imageUrl); // safe: CWE-918
        echo json_encode(['bytes' => $data === false ? 0 : strlen($data)]);
        break;

    default:
        http_response_code(404);
        echo json_encode(['error' => 'unknown action']);
}
