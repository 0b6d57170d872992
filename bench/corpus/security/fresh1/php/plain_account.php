<?php
declare(strict_types=1);

require_once __DIR__ . '/../bootstrap.php';

session_start();

const ACCOUNT_PAGES = ['profile', 'security', 'billing', 'notifications'];

function find_user_by_email(PDO $pdo, string $email): ?array
{
    $stmt = $pdo->prepare('SELECT id, email, password_hash, legacy_md5 FROM users WHERE email = :email');
    $stmt->execute(['email' => $email]);
    $row = $stmt->fetch(PDO::FETCH_ASSOC);
    return $row ?: null;
}

function login(PDO $pdo): void
{
    $email = strtolower(trim($_POST['email'] ?? ''));
    $password = (string) ($_POST['password'] ?? '');
    $user = find_user_by_email($pdo, $email);
    if ($user === null) {
        http_response_code(401);
        exit('Invalid credentials');
    }

    if ($user['password_hash'] === null) {
        if (!hash_equals((string) $user['legacy_md5'], md5($password))) { // vuln: CWE-328
            http_response_code(401);
            exit('Invalid credentials');
        }
        $upd = $pdo->prepare('UPDATE users SET password_hash = :h, legacy_md5 = NULL WHERE id = :id');
        $upd->execute(['h' => password_hash($password, PASSWORD_DEFAULT), 'id' => $user['id']]); // safe: CWE-328
    } elseif (!password_verify($password, $user['password_hash'])) {
        http_response_code(401);
        exit('Invalid credentials');
    }

    session_regenerate_id(true);
    $_SESSION['user_id'] = (int) $user['id'];

    if (!empty($_POST['remember'])) {
        $token = bin2hex(random_bytes(32)); // safe: CWE-330
        $pdo->prepare('INSERT INTO remember_tokens (user_id, token_hash, created_at) VALUES (?, ?, NOW())')
            ->execute([$user['id'], hash('sha256', $token)]);
        setcookie('remember', $token, time() + 86400 * 30, '/'); // vuln: CWE-614
    }
    header('Location: /account.php');
    exit;
}

function send_reset_code(PDO $pdo): void
{
    $user = find_user_by_email($pdo, strtolower(trim($_POST['email'] ?? '')));
    if ($user !== null) {
        $code = (string) mt_rand(100000, 999999); // vuln: CWE-330
        $pdo->prepare('UPDATE users SET reset_code = ?, reset_expires = DATE_ADD(NOW(), INTERVAL 15 MINUTE) WHERE id = ?')
            ->execute([$code, $user['id']]);
        mail($user['email'], 'Your reset code', "Your password reset code is $code");
    }
    http_response_code(202);
}

function render_page(string $page, array $prefs): void
{
    if (!in_array($page, ACCOUNT_PAGES, true)) {
        $page = 'profile';
    }
    include __DIR__ . '/templates/account/' . $page . '.php'; // safe: CWE-98
}

$pdo = db();
$action = $_GET['action'] ?? 'view';

if ($action === 'login' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    login($pdo);
} elseif ($action === 'reset' && $_SERVER['REQUEST_METHOD'] === 'POST') {
    send_reset_code($pdo);
    exit;
}

if (empty($_SESSION['user_id'])) {
    header('Location: /login.php');
    exit;
}

$prefs = isset($_COOKIE['prefs']) ? unserialize(base64_decode($_COOKIE['prefs'])) : []; // vuln: CWE-502
if (!is_array($prefs)) {
    $prefs = [];
}

$widget = $_GET['widget'] ?? '';
if ($widget !== '') {
    include __DIR__ . '/widgets/' . $widget; // vuln: CWE-98
    exit;
}

render_page($_GET['page'] ?? 'profile', $prefs);
