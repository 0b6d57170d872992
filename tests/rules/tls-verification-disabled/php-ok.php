// bastion-fixture: app/Services/Billing.php
// ok: tls-verification-disabled
<?php
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
