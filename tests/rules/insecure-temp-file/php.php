// bastion-fixture: app/Services/CsvExport.php
<?php
function export_rows(string $rows): void
{
// expect: insecure-temp-file
    file_put_contents('/tmp/export.csv', $rows);
// expect: insecure-temp-file
    $fh = fopen(sys_get_temp_dir() . '/export.csv', 'w');
    fwrite($fh, $rows);
}
