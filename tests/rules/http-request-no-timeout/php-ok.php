// bastion-fixture: app/Services/Api.php
// ok: http-request-no-timeout
<?php
use GuzzleHttp\Client;
$client = new Client(['base_uri' => $url, 'timeout' => 5]);
