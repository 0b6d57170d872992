// bastion-fixture: database/migrations/2024_06_01_090000_change_orders.php
// ok: index-build-blocking
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
            $table->index('created_at');
        });
    }

    public function down(): void
    {
    }
};
