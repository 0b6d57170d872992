-- bastion-fixture: db/migrations/mysql/0001_movies.sql
CREATE TABLE `movies` (
  `id` integer NOT NULL PRIMARY KEY AUTO_INCREMENT,
  `name` varchar(255),
  `studio_id` integer,
  FOREIGN KEY (`studio_id`) REFERENCES `studios` (`id`)
) ENGINE=InnoDB;
CREATE INDEX `index_movies_on_studio_id` ON `movies` (`studio_id`);
