// bastion-fixture: app/Services/Billing.php
<?php
$ch = curl_init($url);
// expect: tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// expect: tls-verification-disabled
$client = new Client(['verify' => false]);
// expect: tls-verification-disabled
$ctx = stream_context_create(['ssl' => ['verify_peer' => false]]);
// expect: tls-verification-disabled
$body = Http::withoutVerifying()->get($url)->body();
