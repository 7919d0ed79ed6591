-- The last counted view (or access) of each user for each piece of media: a view within
-- dualdb.media.view-window of the last counted one is not counted again. One row per (user, media),
-- upserted; rows older than the window are pruned. Shared by every instance, so the window holds across
-- them.
create table media_views (
    user_id text not null,
    media_id uuid not null,
    counted_at timestamptz not null,
    primary key (user_id, media_id)
);

-- Serves the pruning of rows older than the window.
create index media_views_counted_at on media_views (counted_at);
