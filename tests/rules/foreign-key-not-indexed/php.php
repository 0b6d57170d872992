// bastion-fixture: database/migrations/2024_06_03_140000_create_attachments_table.php
// bastion-repo: database.repo.php
<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\Schema;

// On PostgreSQL (the project's default connection) a foreign key gets no index of its own.
return new class extends Migration
{
    public function up(): void
    {
        Schema::create('attachments', function (Blueprint $table) {
            $table->id();
// expect: foreign-key-not-indexed
            $table->foreignId('message_id')->constrained()->cascadeOnDelete();
            $table->string('path');
            $table->timestamps();
        });
    }
};
