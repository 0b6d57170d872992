CREATE TABLE public.user_blocks (
    id integer NOT NULL,
    user_id bigint NOT NULL,
    creator_id bigint NOT NULL,
    revoker_id bigint,
    reason text NOT NULL,
    ends_at timestamp without time zone NOT NULL
);

ALTER TABLE ONLY public.user_blocks ADD CONSTRAINT user_blocks_pkey PRIMARY KEY (id);

CREATE INDEX index_user_blocks_on_user_id ON public.user_blocks USING btree (user_id);
