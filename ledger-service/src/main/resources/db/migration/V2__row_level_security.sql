-- Tenant isolation's second wall (DESIGN §7): the ledger's tenant-scoped tables admit only the rows of the tenant the
-- transaction is scoped to (dominus_row_visible, service kit V0_4). The platform accounts belong to no tenant: every
-- tenant's movements post against them, so they are visible to all, and only ever created by migrations.

-- Entries name their tenant too (the tenant of their movement), so a statement never depends on a join to be safe.
alter table entry add column tenant_id text;
alter table entry disable trigger entry_is_immutable;
update entry e set tenant_id = m.tenant_id from movement m where m.id = e.movement_id;
alter table entry enable trigger entry_is_immutable;
alter table entry alter column tenant_id set not null;

alter table account enable row level security;
create policy tenant_rows on account
    using (kind = 'PLATFORM' or dominus_row_visible(tenant_id))
    with check (kind = 'TENANT' and dominus_row_visible(tenant_id));

alter table movement enable row level security;
create policy tenant_rows on movement using (dominus_row_visible(tenant_id));

alter table entry enable row level security;
create policy tenant_rows on entry using (dominus_row_visible(tenant_id));

alter table debit enable row level security;
create policy tenant_rows on debit using (dominus_row_visible(tenant_id));
