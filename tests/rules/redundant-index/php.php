// bastion-fixture: database/migrations/2024_05_20_090000_index_members_email.php
// bastion-repo: migration.repo.php
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('members', function (Blueprint $table) {
// expect: redundant-index
            $table->index('email');
        });
    }

    public function down(): void
    {
        Schema::table('members', function (Blueprint $table) {
            $table->dropIndex(['email']);
        });
    }
};
