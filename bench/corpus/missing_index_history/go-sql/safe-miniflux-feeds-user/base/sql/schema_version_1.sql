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
