<?php namespace BookStack\Repos;

use Activity;
use Illuminate\Support\Str;
use BookStack\Book;
use Views;

class BookRepo
{

    protected $book;
    protected $pageRepo;
    protected $chapterRepo;

    /**
     * Get a book by slug
     * @param $slug
     * @return mixed
     */
    public function getBySlug($slug)
    {
        return $this->book->where('slug', '=', $slug)->first();
    }
}
