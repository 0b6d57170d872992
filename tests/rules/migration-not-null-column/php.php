// bastion-fixture: database/migrations/2024_06_01_090000_add_currency_to_orders.php
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
// expect: migration-not-null-column
            $table->string('currency', 3);
// expect: migration-not-null-column
            $table->unsignedBigInteger('warehouse_id')->index();
        });
    }
};
