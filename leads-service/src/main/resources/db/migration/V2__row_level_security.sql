-- Tenant isolation's second wall (DESIGN §7, service kit V0_4): a lead is visible only to a transaction scoped to
-- its tenant, or to one working across tenants (the billing consumers, whose events name the tenant).
alter table lead enable row level security;
create policy tenant_rows on lead using (dominus_row_visible(tenant_id));
