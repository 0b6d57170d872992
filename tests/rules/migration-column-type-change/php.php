// bastion-fixture: database/migrations/2024_06_01_090000_change_orders.php
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
// expect: migration-column-type-change
            $table->decimal('total', 14, 2)->change();
        });
    }

    public function down(): void
    {
    }
};
