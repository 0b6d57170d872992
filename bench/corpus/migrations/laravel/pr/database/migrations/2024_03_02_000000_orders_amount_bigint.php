<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->bigInteger('amount')->change();
            $table->renameColumn('reference', 'external_reference');
            $table->dropColumn('legacy_notes');
        });

        Schema::rename('vendors', 'suppliers');
        Schema::dropIfExists('password_resets_old');
    }

    public function down(): void
    {
        Schema::create('password_resets_old', function (Blueprint $table) {
            $table->string('email');
            $table->string('token');
        });
        Schema::rename('suppliers', 'vendors');

        Schema::table('orders', function (Blueprint $table) {
            $table->text('legacy_notes')->nullable();
            $table->renameColumn('external_reference', 'reference');
            $table->integer('amount')->change();
        });
    }
};
