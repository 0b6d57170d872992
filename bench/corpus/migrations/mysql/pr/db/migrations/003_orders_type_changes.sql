ALTER TABLE `orders` MODIFY COLUMN `status` ENUM('new', 'paid', 'shipped', 'cancelled') NOT NULL;

ALTER TABLE `page_views` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

ALTER TABLE `customers` ADD FULLTEXT INDEX `ft_customers_full_name` (`full_name`);
