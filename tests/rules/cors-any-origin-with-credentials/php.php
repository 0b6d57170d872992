// bastion-fixture: config/cors.php
<?php

return [
    'paths' => ['api/*'],
// expect: cors-any-origin-with-credentials
    'allowed_origins' => ['*'],
    'supports_credentials' => true,
];
