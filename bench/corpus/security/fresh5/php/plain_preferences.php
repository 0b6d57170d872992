<?php

declare(strict_types=1);

require_once __DIR__ . '/../bootstrap.php';

session_start();

const PANELS = [
    'profile' => 'panels/profile.php',
    'billing' => 'panels/billing.php',
    'security' => 'panels/security.php',
];

function load_preferences(): array
{
    if (!isset($_COOKIE['prefs'])) {
        return [];
    }
    $raw = base64_decode($_COOKIE['prefs'], true);
    if ($raw === false) {
        return [];
    }
    $prefs = unserialize($raw); // vuln: CWE-502

    return is_array($prefs) ? $prefs : [];
}

function load_layout(): array
{
    $raw = $_COOKIE['layout'] ?? '{}';
    $layout = json_decode($raw, true, 8); // safe: CWE-502

    return is_array($layout) ? $layout : [];
}

function render_notice(string $message): string
{
    return sprintf('<div class="notice">%s</div>', $message);
}

$prefs = load_preferences();
$layout = load_layout();
$title = $prefs['title'] ?? 'Account settings';

?>
<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Settings</title>
</head>
<body class="<?= ($layout['theme'] ?? 'light') === 'dark' ? 'dark' : 'light' ?>">
<?php

echo '<h1>' . htmlspecialchars($title, ENT_QUOTES, 'UTF-8') . '</h1>'; // safe: CWE-79

if (isset($_GET['msg'])) {
    $notice = render_notice($_GET['msg']);
    echo $notice; // vuln: CWE-79
}

$panel = $_GET['panel'] ?? 'profile';
$panelFile = PANELS[$panel] ?? PANELS['profile'];
include __DIR__ . '/' . $panelFile; // safe: CWE-98

if (!empty($_GET['widget'])) {
    $widgetDir = __DIR__ . '/widgets/';
    include $widgetDir . $_GET['widget']; // vuln: CWE-98
}

?>
</body>
</html>
