alter table feeds add column crawler boolean default 'f';
