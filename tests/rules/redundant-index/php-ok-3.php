// bastion-fixture: database/migrations/2026_06_25_175747_add_index_to_activity_subjects_table.php
// bastion-repo: activity.repo.php
// The foreign key's own index exists only on MySQL, which drops it for this one; on SQLite
// and PostgreSQL this is the only index on the key.
// ok: redundant-index
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('activity_subjects', function (Blueprint $table) {
            $table->index('activity_id');
        });
    }
};
