CREATE INDEX enclosures_user_entry_url_idx ON enclosures(user_id, entry_id, md5(url));
