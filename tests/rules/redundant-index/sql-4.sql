-- bastion-fixture: db/migrations/0021_group_tags.sql
CREATE TABLE group_tags (
  group_id bigint NOT NULL,
  tag_id bigint NOT NULL,
  PRIMARY KEY (group_id, tag_id)
);
CREATE INDEX group_tags_tag_id ON group_tags (tag_id);
-- The primary key's index already leads with group_id.
-- expect: redundant-index
CREATE INDEX group_tags_group_id ON group_tags (group_id);
