ALTER TABLE comments
    ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts (id) NOT VALID;
ALTER TABLE comments VALIDATE CONSTRAINT comments_post_id_fkey;
