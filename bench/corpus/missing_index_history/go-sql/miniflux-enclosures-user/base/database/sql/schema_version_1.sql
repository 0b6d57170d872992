CREATE TABLE users (
    id serial NOT NULL,
    username text NOT NULL UNIQUE,
    password text,
    PRIMARY KEY (id)
);

CREATE TABLE categories (
    id serial NOT NULL,
    user_id int NOT NULL,
    title text NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (user_id, title),
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
);

CREATE TABLE feeds (
    id bigserial NOT NULL,
    user_id int NOT NULL,
    category_id int NOT NULL,
    feed_url text NOT NULL,
    title text NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (user_id, feed_url),
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
    FOREIGN KEY (category_id) REFERENCES categories(id) ON DELETE CASCADE
);

CREATE TYPE entry_status AS ENUM('unread', 'read', 'removed');

CREATE TABLE entries (
    id bigserial NOT NULL,
    user_id int NOT NULL,
    feed_id bigint NOT NULL,
    hash text NOT NULL,
    url text NOT NULL,
    status entry_status DEFAULT 'unread',
    PRIMARY KEY (id),
    UNIQUE (feed_id, hash),
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
    FOREIGN KEY (feed_id) REFERENCES feeds(id) ON DELETE CASCADE
);

CREATE INDEX entries_feed_idx ON entries USING BTREE(feed_id);

CREATE TABLE enclosures (
    id bigserial NOT NULL,
    user_id int NOT NULL,
    entry_id bigint NOT NULL,
    url text NOT NULL,
    mime_type text DEFAULT '',
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE,
    FOREIGN KEY (entry_id) REFERENCES entries(id) ON DELETE CASCADE
);
