alter table feeds add column scraper_rules text default '';
