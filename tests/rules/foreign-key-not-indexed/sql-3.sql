-- bastion-fixture: internal/store/sqlite/migrations/13_links.up.sql
-- SQLite, named by the folder: backtick quoting is not MySQL, and nothing indexes the key.
CREATE TABLE `links` (
  `id` integer not null primary key autoincrement,
  `item_id` integer not null,
-- expect: foreign-key-not-indexed
  foreign key (`item_id`) references `items`(`id`) on delete cascade
);
