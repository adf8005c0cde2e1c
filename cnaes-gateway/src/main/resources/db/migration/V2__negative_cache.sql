-- A remote 404 is remembered too (a negative entry, without payload), so unknown CNPJs do not spend the remote quota
-- on every lookup.
alter table company_cache alter column payload drop not null;
alter table company_cache add column found boolean not null default true;
alter table company_cache add constraint company_cache_found_has_payload check (not found or payload is not null);
