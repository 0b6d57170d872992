// bastion-fixture: database/migrations/2024_05_20_090000_index_members_display_name.php
// bastion-repo: migration.repo.php
// ok: redundant-index
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('members', function (Blueprint $table) {
            $table->index('display_name');
        });
    }

    public function down(): void
    {
        Schema::table('members', function (Blueprint $table) {
            $table->dropIndex(['display_name']);
        });
    }
};
