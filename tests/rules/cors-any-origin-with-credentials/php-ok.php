// bastion-fixture: config/cors.php
// ok: cors-any-origin-with-credentials
<?php

return [
    'allowed_origins' => ['*'],
    'supports_credentials' => false,
];
