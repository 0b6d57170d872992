// bastion-fixture: database/migrations/2024_06_01_090000_change_orders.php
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
// expect: concurrent-index-in-transaction
        DB::statement('CREATE INDEX CONCURRENTLY orders_ref_idx ON orders (ref)');
    }

    public function down(): void
    {
    }
};
