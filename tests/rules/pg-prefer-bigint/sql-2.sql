-- bastion-fixture: db/migrations/0043_posts.sql
CREATE TABLE person (id bigint PRIMARY KEY, name text);
CREATE TABLE post (
  id bigint PRIMARY KEY,
-- expect: pg-prefer-bigint
  person_id integer NOT NULL REFERENCES person (id),
-- expect: pg-prefer-bigint
  editor_id int
);
