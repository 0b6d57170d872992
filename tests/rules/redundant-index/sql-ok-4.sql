-- bastion-fixture: db/migrations/mysql/0065_movies_to_groups.sql
-- bastion-repo: movies.repo.sql
-- The old index is dropped on the line above; InnoDB reused it for the foreign key and
-- keeps no second index of its own.
-- ok: redundant-index
ALTER TABLE `movies` RENAME TO `groups`;
DROP INDEX `index_movies_on_studio_id` ON `groups`;
CREATE INDEX `index_groups_on_studio_id` ON `groups` (`studio_id`);
