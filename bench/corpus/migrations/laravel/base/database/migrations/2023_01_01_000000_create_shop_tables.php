<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::create('customers', function (Blueprint $table) {
            $table->id();
            $table->string('email');
            $table->string('name');
            $table->timestamps();
        });

        Schema::create('orders', function (Blueprint $table) {
            $table->id();
            $table->string('status');
            $table->integer('amount');
            $table->string('reference')->nullable();
            $table->text('legacy_notes')->nullable();
            $table->timestamps();
        });

        Schema::create('vendors', function (Blueprint $table) {
            $table->id();
            $table->string('name');
        });

        Schema::create('password_resets_old', function (Blueprint $table) {
            $table->string('email');
            $table->string('token');
        });
    }

    public function down(): void
    {
        Schema::dropIfExists('password_resets_old');
        Schema::dropIfExists('vendors');
        Schema::dropIfExists('orders');
        Schema::dropIfExists('customers');
    }
};
