// bastion-fixture: app/Services/Billing.php
// ok: tls-verification-disabled
<?php
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
$ctx = stream_context_create(['ssl' => ['verify_peer' => true, 'cafile' => '/etc/ssl/certs/ca.pem']]);
$body = Http::timeout(5)->get($url)->body();
