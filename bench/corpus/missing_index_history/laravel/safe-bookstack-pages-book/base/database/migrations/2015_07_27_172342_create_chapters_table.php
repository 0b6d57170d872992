<?php

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;

class CreateChaptersTable extends Migration
{
    public function up()
    {
        Schema::create('chapters', function (Blueprint $table) {
            $table->increments('id');
            $table->integer('book_id');
            $table->string('slug')->indexed();
            $table->text('name');
            $table->integer('priority');
            $table->nullableTimestamps();
        });
    }

    public function down()
    {
        Schema::drop('chapters');
    }
}
