// bastion-fixture: app/Services/CsvExport.php
<?php
// ok: insecure-temp-file
function export_rows(string $rows): string
{
    $path = tempnam(sys_get_temp_dir(), 'export');
    file_put_contents($path, $rows);
    return $path;
}
