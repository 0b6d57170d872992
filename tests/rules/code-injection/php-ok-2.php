<?php
// bastion-fixture: cli/lang/merge-strings.php
// ok: code-injection
// A developer tool run from a shell: it evaluates the project's own language files
// named on the command line; no request reaches it.
$file = $argv[1] ?? 'lang/en.php';
$source = file_get_contents($file);
$strings = eval('?>' . $source);
foreach ($strings as $key => $text) {
    echo $key, '=', $text, PHP_EOL;
}
