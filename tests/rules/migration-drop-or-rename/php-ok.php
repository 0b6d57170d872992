// bastion-fixture: database/migrations/2024_06_01_090000_change_orders.php
// ok: migration-drop-or-rename
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('orders', function (Blueprint $table) {
            $table->string('ref')->nullable();
        });
    }

    public function down(): void
    {
    }
};
