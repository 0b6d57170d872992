// bastion-fixture: database/migrations/2024_06_01_090000_add_currency_to_orders.php
// ok: migration-not-null-column
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('carts', function (Blueprint $table) {
            $table->id();
            $table->string('currency', 3);
        });
        Schema::table('orders', function (Blueprint $table) {
            $table->string('currency', 3)->default('EUR');
            $table->string('coupon')->nullable();
            $table->timestamp('paid_at')->useCurrent();
        });
    }

    public function down(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->string('currency', 3);
        });
    }
};
