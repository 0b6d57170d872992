// bastion-fixture: config/database.php
<?php

return [
    'default' => env('DB_CONNECTION', 'pgsql'),
    'connections' => [
        'pgsql' => ['driver' => 'pgsql', 'host' => env('DB_HOST', '127.0.0.1')],
    ],
];
