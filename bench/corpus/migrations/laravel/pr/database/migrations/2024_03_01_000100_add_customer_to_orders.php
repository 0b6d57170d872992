<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->foreignId('customer_id')->nullable()->constrained();
            $table->string('currency', 3);
            $table->string('coupon_code')->nullable();
            $table->boolean('gift')->default(false);
        });

        Schema::table('customers', function (Blueprint $table) {
            $table->unique('email');
            $table->bigInteger('lifetime_value')->default(0);
        });
    }

    public function down(): void
    {
        Schema::table('customers', function (Blueprint $table) {
            $table->dropUnique(['email']);
            $table->dropColumn('lifetime_value');
        });

        Schema::table('orders', function (Blueprint $table) {
            $table->dropConstrainedForeignId('customer_id');
            $table->dropColumn(['currency', 'coupon_code', 'gift']);
        });
    }
};
