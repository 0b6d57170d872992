<?php namespace BookStack\Repos;

use BookStack\Book;

class BookRepo
{
    protected $book;

    public function __construct(Book $book)
    {
        $this->book = $book;
    }

    /**
     * The book at this URL slug, or null.
     */
    public function findBySlug($slug)
    {
        return $this->book->where('slug', '=', $slug)->first();
    }
}
