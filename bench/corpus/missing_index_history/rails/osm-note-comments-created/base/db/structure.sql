CREATE TABLE note_comments (
    id integer NOT NULL,
    note_id bigint NOT NULL,
    author_id bigint,
    visible boolean NOT NULL,
    created_at timestamp without time zone NOT NULL,
    body text
);

ALTER TABLE ONLY note_comments ADD CONSTRAINT note_comments_pkey PRIMARY KEY (id);

CREATE INDEX note_comments_note_id_idx ON note_comments USING btree (note_id);
