// bastion-fixture: app/Support/ApiKeys.php
<?php
function make_api_token() {
    $chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    $token = "";
    for ($i = 0; $i < 32; $i++) {
// expect: insecure-random
        $token .= $chars[rand(0, 35)];
    }
    return $token;
}
