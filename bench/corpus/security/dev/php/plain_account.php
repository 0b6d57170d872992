<?php
// Legacy account pages, still served by the old front controller.

require __DIR__ . '/bootstrap.php';

ini_set('display_errors', '1'); // vuln: CWE-489

$pdo = new PDO('mysql:host=db;dbname=legacy', 'root', 'hunter2'); // vuln: CWE-798
$pdoEnv = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASS')); // safe: CWE-798

$action = $_GET['action'] ?? 'show';

if ($action === 'show') {
    $id = $_GET['id'];
    $stmt = $pdo->query("SELECT * FROM accounts WHERE id = " . $id); // vuln: CWE-89
    $account = $stmt->fetch();
    echo "<h1>Account of " . $account['name'] . "</h1>";
    echo "<p>You searched for " . $_GET['q'] . "</p>"; // vuln: CWE-79
    echo "<p>Filter " . htmlspecialchars($_GET['filter'], ENT_QUOTES, 'UTF-8') . "</p>"; // safe: CWE-79
}

if ($action === 'show-safe') {
    $stmt = $pdo->prepare('SELECT * FROM accounts WHERE id = ?'); // safe: CWE-89
    $stmt->execute([$_GET['id']]);
    $account = $stmt->fetch();
}

if ($action === 'by-email') {
    $email = mysqli_real_escape_string($link, $_POST['email']);
    $result = mysqli_query($link, "SELECT * FROM accounts WHERE email = '$email'"); // safe: CWE-89
}

if ($action === 'by-name') {
    $result = mysqli_query($link, "SELECT * FROM accounts WHERE name = '" . $_POST['name'] . "'"); // vuln: CWE-89
}

if ($action === 'page') {
    include 'pages/' . $_GET['page'] . '.php'; // vuln: CWE-98
}

if ($action === 'page-safe') {
    $pages = ['home' => 'pages/home.php', 'help' => 'pages/help.php'];
    include $pages[$_GET['page']] ?? 'pages/home.php'; // safe: CWE-98
}

if ($action === 'download') {
    readfile('/var/www/files/' . $_GET['file']); // vuln: CWE-22
}

if ($action === 'ping') {
    system('ping -c 1 ' . $_GET['host']); // vuln: CWE-78
}

if ($action === 'calc') {
    $result = eval('return ' . $_POST['formula'] . ';'); // vuln: CWE-95
    echo (int) $result;
}

if ($action === 'go') {
    header('Location: ' . $_GET['next']); // vuln: CWE-601
    exit;
}

if ($action === 'go-home') {
    header('Location: /account.php?action=show'); // safe: CWE-601
    exit;
}

if ($action === 'lang') {
    header('Content-Language: ' . $_GET['lang']); // vuln: CWE-113
}

if ($action === 'ldap') {
    $ds = ldap_connect('ldap://ldap.corp.example');
    $sr = ldap_search($ds, 'ou=people,dc=corp,dc=example', '(uid=' . $_GET['uid'] . ')'); // vuln: CWE-90
}

if ($action === 'ldap-safe') {
    $ds = ldap_connect('ldap://ldap.corp.example');
    $uid = ldap_escape($_GET['uid'], '', LDAP_ESCAPE_FILTER);
    $sr = ldap_search($ds, 'ou=people,dc=corp,dc=example', '(uid=' . $uid . ')'); // safe: CWE-90
}

if ($action === 'xml') {
    $doc = new DOMDocument();
    $doc->loadXML(file_get_contents('php://input'), LIBXML_NOENT | LIBXML_DTDLOAD); // vuln: CWE-611
    $xp = new DOMXPath($doc);
    $nodes = $xp->query("//user[name='" . $_GET['name'] . "']"); // vuln: CWE-643
}

if ($action === 'avatar') {
    $img = file_get_contents($_GET['avatar_url']); // vuln: CWE-918
}

function reset_token(): string
{
    return md5(uniqid((string) mt_rand(), true)); // vuln: CWE-330
}

function reset_token_safe(): string
{
    return bin2hex(random_bytes(32)); // safe: CWE-330
}

function hash_password_legacy(string $password): string
{
    return sha1($password); // vuln: CWE-328
}

function hash_password_modern(string $password): string
{
    return password_hash($password, PASSWORD_DEFAULT); // safe: CWE-328
}

setcookie('remember', reset_token_safe(), time() + 3600, '/', '', false, false); // vuln: CWE-614
setcookie('remember_safe', reset_token_safe(), ['expires' => time() + 3600, 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']); // safe: CWE-614

$ch = curl_init('https://partner.example/api');
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false); // vuln: CWE-295
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true); // safe: CWE-295
