<?php

namespace BookStack\Entities\Tools;

use BookStack\Entities\Models\Book;
use BookStack\Entities\Models\Chapter;
use BookStack\Entities\Models\Page;

class BookContents
{
    public function __construct(protected Book $book)
    {
    }

    /**
     * Highest sort position used among the book's top-level items (at least 1).
     */
    public function topPosition(): int
    {
        $pages = Page::visible()->where('book_id', '=', $this->book->id)
            ->where('draft', '=', false)
            ->where('chapter_id', '=', 0)->max('priority');
        $chapters = Chapter::visible()->where('book_id', '=', $this->book->id)
            ->max('priority');

        return max($pages, $chapters, 1);
    }
}
