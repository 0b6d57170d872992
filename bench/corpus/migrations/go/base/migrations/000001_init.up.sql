CREATE TABLE IF NOT EXISTS teams (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS members (
    id BIGSERIAL PRIMARY KEY,
    team_id BIGINT NOT NULL REFERENCES teams (id),
    email TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'member',
    joined_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS members_team_id_idx ON members (team_id);

CREATE TABLE IF NOT EXISTS builds (
    id BIGSERIAL PRIMARY KEY,
    team_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    started_at TIMESTAMPTZ
);
