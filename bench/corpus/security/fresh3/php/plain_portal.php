<?php
// Customer portal front controller (legacy, no framework).

declare(strict_types=1);

require_once __DIR__ . '/../lib/bootstrap.php';
require_once __DIR__ . '/../lib/db.php';

const PORTAL_PAGES = [
    'home' => 'pages/home.php',
    'orders' => 'pages/orders.php',
    'profile' => 'pages/profile.php',
    'support' => 'pages/support.php',
];

function portal_reset_code(): string
{
    return str_pad((string) mt_rand(0, 999999), 6, '0', STR_PAD_LEFT); // vuln: CWE-330
}

function portal_session_token(): string
{
    return bin2hex(random_bytes(32)); // safe: CWE-330
}

function portal_login(PDO $pdo, string $email, string $password): ?array
{
    $stmt = $pdo->prepare('SELECT id, email, password_hash FROM customers WHERE email = ?');
    $stmt->execute([$email]);
    $row = $stmt->fetch(PDO::FETCH_ASSOC);
    if (!$row || !password_verify($password, $row['password_hash'])) {
        return null;
    }
    return $row;
}

$action = $_GET['action'] ?? 'page';
$pdo = portal_db();

if ($action === 'login' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    $user = portal_login($pdo, trim($_POST['email'] ?? ''), $_POST['password'] ?? '');
    if ($user === null) {
        http_response_code(401);
        exit('Invalid credentials');
    }
    session_regenerate_id(true);
    $_SESSION['customer_id'] = (int) $user['id'];
    if (!empty($_POST['remember'])) {
        $token = portal_session_token();
        $pdo->prepare('INSERT INTO remember_tokens (customer_id, token_hash) VALUES (?, ?)')
            ->execute([$user['id'], hash('sha256', $token)]);
        setcookie('portal_remember', $token, time() + 60 * 60 * 24 * 30, '/', '', false, true); // vuln: CWE-614
    }
    $next = $_POST['next'] ?? '/portal.php';
    header('Location: ' . $next); // vuln: CWE-601
    exit;
}

if ($action === 'forgot' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    $code = portal_reset_code();
    $pdo->prepare('UPDATE customers SET reset_code = ?, reset_expires = NOW() + INTERVAL 15 MINUTE WHERE email = ?')
        ->execute([$code, $_POST['email'] ?? '']);
    portal_mail($_POST['email'] ?? '', 'Your reset code', "Code: $code");
    header('Location: /portal.php?action=page&p=home');
    exit;
}

if ($action === 'page') {
    $page = $_GET['p'] ?? 'home';
    $file = PORTAL_PAGES[$page] ?? PORTAL_PAGES['home'];
    require_login_unless($page === 'home');
    include __DIR__ . '/' . $file; // safe: CWE-98
    exit;
}

if ($action === 'widget') {
    $widget = $_GET['w'] ?? 'clock';
    include __DIR__ . '/widgets/' . $widget . '.php'; // vuln: CWE-98
    exit;
}

http_response_code(404);
echo 'Not found';
