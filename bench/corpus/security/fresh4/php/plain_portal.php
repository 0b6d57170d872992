<?php
// Customer portal front controller (legacy, no framework).

declare(strict_types=1);

session_start();
require_once __DIR__ . '/lib/db.php';
require_once __DIR__ . '/lib/auth.php';

const PORTAL_PAGES = ['dashboard', 'orders', 'profile', 'support'];

function current_page(): string
{
    $page = $_GET['page'] ?? 'dashboard';
    return in_array($page, PORTAL_PAGES, true) ? $page : 'dashboard';
}

function load_widget(string $widget): void
{
    include __DIR__ . '/widgets/' . $widget; // vuln: CWE-98
}

function restore_cart(): array
{
    if (empty($_COOKIE['cart'])) {
        return [];
    }
    $cart = unserialize(base64_decode($_COOKIE['cart'])); // vuln: CWE-502
    return is_array($cart) ? $cart : [];
}

function restore_filters(): array
{
    $raw = $_COOKIE['filters'] ?? '';
    $filters = json_decode($raw, true, 4); // safe: CWE-502
    return is_array($filters) ? $filters : [];
}

require_login();
$user = current_user();
$cart = restore_cart();
$filters = restore_filters();

if (isset($_GET['widget'])) {
    load_widget($_GET['widget'] . '.php');
    exit;
}

$search = $_GET['q'] ?? '';
$flash = $_GET['msg'] ?? '';
$page = current_page();
?>
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Customer portal</title>
</head>
<body>
<header>
<?php
echo '<p>Signed in as ' . htmlspecialchars($user['name'], ENT_QUOTES, 'UTF-8') . '</p>';
echo '<form method="get" action="/portal.php">';
echo '<input type="hidden" name="page" value="' . $page . '">';
echo '<input type="text" name="q" value="' . htmlspecialchars($search, ENT_QUOTES, 'UTF-8') . '">'; // safe: CWE-79
echo '</form>';
?>
</header>
<?php
if ($flash !== '') {
    $banner = '<div class="flash">' . $flash . '</div>';
    echo $banner; // vuln: CWE-79
}
?>
<main>
<?php
include __DIR__ . '/pages/' . $page . '.php'; // safe: CWE-98
echo '<aside><p>' . count($cart) . ' item(s) in cart</p>';
echo '<p>Filters: ' . htmlspecialchars(implode(', ', array_keys($filters)), ENT_QUOTES, 'UTF-8') . '</p></aside>';
?>
</main>
</body>
</html>
