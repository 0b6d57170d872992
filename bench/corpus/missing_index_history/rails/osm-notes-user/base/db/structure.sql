CREATE TABLE public.notes (
    id bigint NOT NULL,
    tile bigint NOT NULL,
    status public.note_status_enum NOT NULL,
    user_id bigint,
    description text DEFAULT ''::text NOT NULL,
    created_at timestamp without time zone NOT NULL,
    updated_at timestamp without time zone NOT NULL
);

ALTER TABLE ONLY public.notes ADD CONSTRAINT notes_pkey PRIMARY KEY (id);

CREATE INDEX notes_tile_status_idx ON public.notes USING btree (tile, status);
CREATE INDEX notes_created_at_idx ON public.notes USING btree (created_at);
CREATE INDEX notes_updated_at_idx ON public.notes USING btree (updated_at);
