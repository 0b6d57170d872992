-- bastion-fixture: internal/store/sqlite/migrations/12_pairs.up.sql
-- SQLite (the folder says so; backticks are SQLite's quoting too) builds no index for a
-- foreign key, so the index on the second key column is the only one serving it.
-- ok: redundant-index
CREATE TABLE `pairs` (
  `left_id` integer not null,
  `right_id` integer not null,
  primary key (`left_id`, `right_id`),
  foreign key (`left_id`) references `items`(`id`) on delete cascade,
  foreign key (`right_id`) references `items`(`id`) on delete cascade
);
CREATE INDEX `index_pairs_right_id` ON `pairs` (`right_id`);
