<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;

class AddEntityIndexes extends Migration
{
    public function up()
    {
        Schema::table('pages', function (Blueprint $table) {
            $table->index('slug');
            $table->index('book_id');
            $table->index('chapter_id');
            $table->index('priority');
        });
        Schema::table('chapters', function (Blueprint $table) {
            $table->index('slug');
            $table->index('book_id');
            $table->index('priority');
        });
    }

    public function down()
    {
        Schema::table('pages', function (Blueprint $table) {
            $table->dropIndex(['slug', 'book_id', 'chapter_id', 'priority']);
        });
        Schema::table('chapters', function (Blueprint $table) {
            $table->dropIndex(['slug', 'book_id', 'priority']);
        });
    }
}
