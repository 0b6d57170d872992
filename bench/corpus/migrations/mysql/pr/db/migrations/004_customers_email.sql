CREATE INDEX `idx_customers_created_at` ON `customers` (`created_at`);

ALTER TABLE `customers` ADD UNIQUE INDEX `uniq_customers_email` (`email`);

ALTER TABLE `orders` DROP COLUMN `notes`;
