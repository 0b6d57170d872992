// bastion-fixture: src/Auth/Tokens.php
<?php
function remember_token(string $user, string $secret): string {
// expect: weak-hash
    return md5($user . $secret);
}
function sign(string $body, string $key): string {
// expect: weak-hash
    return hash('sha1', $key . $body);
}
