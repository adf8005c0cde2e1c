-- Company data fetched from the local directory or the remote api-cnaes, kept until it expires or a new directory
-- release invalidates it.
create table company_cache (
    cnpj       varchar(14) primary key,   -- 14 characters: numeric or, since July 2026, alphanumeric
    source     text        not null check (source in ('local', 'remote')),
    payload    jsonb       not null,      -- the api-cnaes company document as served
    fetched_at timestamptz not null,
    expires_at timestamptz not null
);
create index company_cache_expires_at on company_cache (expires_at);
