// bastion-fixture: database/migrations/2024_06_01_090000_change_orders.php
// ok: migration-constraint-validating
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        DB::statement('ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID');
    }

    public function down(): void
    {
    }
};
