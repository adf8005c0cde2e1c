-- Tenant isolation's second wall (DESIGN §7), shared by every service: the predicate of the row-level security
-- policies, and the privileges of the role the service runs as. Migrations run as the tables' owner; the service
-- connects as ${runtime_role}, which is neither superuser nor owner, so the policies apply to everything it does.
-- (Kit migrations are numbered 0.x and may arrive after a service's own: Flyway runs them out of order. They live in
-- db/tenancy, which every service migrates, also those without an outbox.)

-- A row is visible when the transaction is scoped to its tenant, or declared that it works across tenants (see
-- com.dominusleads.servicekit.tenancy.TenantTransactions). Without a setting nothing is visible. A plain SQL function,
-- inlined by the planner, so "tenant_id = $1" in a query still meets the policy on an index.
create or replace function dominus_row_visible(row_tenant text) returns boolean
    language sql stable parallel safe as $$
    select row_tenant = current_setting('dominus.tenant_id', true)
        or coalesce(current_setting('dominus.scope', true), '') = 'all'
$$;

-- The runtime role reads and writes rows, never the schema; tables created later by the owner get the same grants.
grant usage on schema public to ${runtime_role};
grant select, insert, update, delete on all tables in schema public to ${runtime_role};
grant usage, select on all sequences in schema public to ${runtime_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${runtime_role};
alter default privileges in schema public grant usage, select on sequences to ${runtime_role};
-- Migration history is the owner's business.
do $$
begin
    if '${runtime_role}' <> current_user then
        execute 'revoke all on ${flyway:table} from ${runtime_role}';
    end if;
end $$;
