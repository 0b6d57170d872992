CREATE TABLE members (
    id BIGSERIAL PRIMARY KEY,
    team_id BIGINT NOT NULL,
    email TEXT NOT NULL,
    api_token TEXT
);
CREATE INDEX members_team_id_idx ON members (team_id);
