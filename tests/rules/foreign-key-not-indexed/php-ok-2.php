// bastion-fixture: database/migrations/2024_06_03_140000_create_attachments_table.php
// ok: foreign-key-not-indexed
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// Nothing names PostgreSQL: on Laravel's default, MySQL, InnoDB indexes the key itself.
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('attachments', function (Blueprint $table) {
            $table->id();
            $table->foreignId('message_id')->constrained()->cascadeOnDelete();
            $table->string('path');
            $table->timestamps();
        });
    }
};
