// bastion-fixture: src/Http/Cache.php
<?php
// ok: weak-hash
function cache_key(string $url): string {
    return 'page:' . md5($url);
}
function sign(string $body, string $key): string {
    return hash_hmac('sha256', $body, $key);
}
