// bastion-fixture: database/migrations/2025_03_11_131917_create_game_platform_table.php
// ok: redundant-index
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        // InnoDB reuses the explicit index for the foreign key, and the primary key for the
        // other one: no second index is built.
        Schema::create('game_platform', function (Blueprint $table): void {
            $table->unsignedInteger('game_id');
            $table->unsignedInteger('platform_id')->index();
            $table->primary(['game_id', 'platform_id']);

            $table->foreign('game_id')->references('id')->on('games');
            $table->foreign('platform_id')->references('id')->on('platforms');
        });
    }
};
