alter table feeds add column rewrite_rules text default '';
