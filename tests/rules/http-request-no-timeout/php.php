// bastion-fixture: app/Services/Api.php
<?php
use GuzzleHttp\Client;
// expect: http-request-no-timeout
$client = new Client(['base_uri' => 'https://api.example.com']);
