-- The directory's bookkeeping (DESIGN §2, issue 4): releases, their files, the chunks each file is loaded in, jobs,
-- and quarantined rows. The directory data itself lives in one schema per release (release_<n>, created by
-- ReleaseSchema), and readers go through the views of schema "directory", which point at the live release: switching
-- releases is one transaction that replaces those views.

create table release (
    id            text primary key,            -- e.g. 2026-11 (what the operator called it)
    seq           int  not null unique,        -- names the schema: release_<seq>
    source        text not null,               -- directory or base URL it was read from
    mode          text not null check (mode in ('FULL', 'INCREMENTAL')),
    -- Where its rows are: its own schema (release_<seq>) for a full load; for an incremental one, the schema of the
    -- release it was applied onto (its own schema only stages the files until then).
    data_schema   text not null,
    status        text not null check (status in ('LOADING', 'READY', 'LIVE', 'PREVIOUS', 'RETIRED', 'FAILED')),
    establishments bigint,
    companies     bigint,
    partners      bigint,
    quarantined   bigint,
    created_at    timestamptz not null default now(),
    live_at       timestamptz,
    error         text
);
create sequence release_seq;
-- At most one live release, and at most one kept to switch back to.
create unique index one_live_release on release (status) where status = 'LIVE';
create unique index one_previous_release on release (status) where status = 'PREVIOUS';

create table release_file (
    release_id    text   not null references release (id),
    name          text   not null,             -- Estabelecimentos3.zip
    kind          text   not null,             -- RfFileKind
    size_bytes    bigint,
    status        text   not null check (status in ('PENDING', 'LOADING', 'DONE', 'FAILED')),
    rows_loaded   bigint not null default 0,
    rows_quarantined bigint not null default 0,
    lines_read    bigint not null default 0,   -- lines of the committed chunks: where a resumed load goes on
    bytes_total   bigint,                      -- uncompressed size of the zip's CSV (from the zip directory)
    bytes_read    bigint not null default 0,   -- uncompressed bytes of the committed chunks: progress and ETA
    started_at    timestamptz,
    finished_at   timestamptz,
    error         text,
    primary key (release_id, name)
);

-- A file is loaded in chunks of consecutive lines, each committed in one transaction with its rows: after a crash the
-- load resumes after the last committed chunk, so the result has neither duplicates nor gaps.
create table file_chunk (
    release_id    text   not null,
    file_name     text   not null,
    chunk_no      int    not null,
    first_line    bigint not null,             -- 1-based line number of the chunk's first line
    lines         int    not null,
    rows_loaded   int    not null,
    rows_quarantined int not null,
    bytes_end     bigint not null,             -- uncompressed offset after the chunk
    loaded_at     timestamptz not null default now(),
    primary key (release_id, file_name, chunk_no),
    foreign key (release_id, file_name) references release_file (release_id, name)
);

-- Malformed rows: kept with where they came from and why, never dropped silently.
create table quarantined_row (
    id            bigint generated always as identity primary key,
    release_id    text   not null references release (id),
    file_name     text   not null,
    line_no       bigint not null,
    reason        text   not null,
    raw_line      text   not null,
    created_at    timestamptz not null default now()
);
create index quarantined_row_of_file on quarantined_row (release_id, file_name, line_no);

-- Work on a release: the full load, or reprocessing one file, chunk or UF. A running job is owned by whoever holds
-- its advisory lock (pg_try_advisory_lock(id)); a crashed owner's connection dies with it, so the lock is freed and
-- the job is taken over and resumed.
create table ingestion_job (
    id            bigint generated always as identity primary key,
    release_id    text   not null references release (id),
    kind          text   not null check (kind in ('INGEST', 'REPROCESS_FILE', 'REPROCESS_CHUNK', 'REPROCESS_UF')),
    target        text,                        -- file name, "file#chunk" or UF, by kind
    status        text   not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    phase         text,                        -- where a running job is: FILES, LOAD, INDEX, SWITCH
    requested_by  text   not null,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    error         text
);
create unique index one_active_job_per_release on ingestion_job (release_id) where status in ('QUEUED', 'RUNNING');

-- Post-load steps of a release (set logged, indexes, the search table), each recorded when done so that a job
-- resumed after a crash does not redo hours of index builds.
create table release_step (
    release_id    text not null references release (id),
    step          text not null,
    seconds       numeric(12, 3) not null,
    done_at       timestamptz not null default now(),
    primary key (release_id, step)
);

create schema directory;
