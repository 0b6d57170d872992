<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;

class AddEntityIndexes extends Migration
{
    public function up()
    {
        Schema::table('books', function (Blueprint $table) {
            $table->index('slug');
            $table->index('created_by');
            $table->index('updated_by');
        });
    }

    public function down()
    {
        Schema::table('books', function (Blueprint $table) {
            $table->dropIndex(['slug']);
            $table->dropIndex(['created_by']);
            $table->dropIndex(['updated_by']);
        });
    }
}
