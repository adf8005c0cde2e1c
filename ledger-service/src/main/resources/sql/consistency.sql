-- The ledger's invariants, as one query anyone can run (psql -d ledger -f consistency.sql): every row returned is a
-- broken invariant; no rows means the ledger is consistent. GET /api/ledger/consistency runs this same file.
select 'balance_differs_from_entries' as violation, a.id as subject, a.balance as recorded,
       coalesce(s.total, 0) as computed
from account a
left join (select account_id, sum(amount) as total from entry group by account_id) s on s.account_id = a.id
where a.kind = 'TENANT' and a.balance <> coalesce(s.total, 0)
union all
-- Double entry: each movement's entries sum to zero (so all entries together do too).
select 'movement_not_balanced', movement_id::text, 0, sum(amount)
from entry group by movement_id having sum(amount) <> 0
union all
-- Each tenant entry's recorded balance is the running sum of the account's entries: since every recorded balance is
-- >= 0 (a check constraint), no balance ever went negative, at any moment.
select 'running_balance_differs', account_id || '#' || id, balance_after, running
from (select id, account_id, balance_after, sum(amount) over (partition by account_id order by id) as running
      from entry where balance_after is not null) r
where running <> balance_after
union all
-- One debit per lead: never two debit movements for the same lead of a tenant.
select 'lead_debited_twice', tenant_id || '/' || reference, 1, count(*)
from movement where kind = 'DEBIT' group by tenant_id, reference having count(*) > 1
union all
-- Every debit movement pays a charged debit of the same lead.
select 'debit_movement_without_debit', m.id::text, 1, 0
from movement m left join debit d on d.movement_id = m.id
where m.kind = 'DEBIT' and (d.id is null or d.lead_id <> m.reference or d.tenant_id <> m.tenant_id)
union all
-- A tenant with credits never leaves a debit pending (credits that arrive pay the oldest pending debits first).
select 'pending_debit_with_credit', a.tenant_id, 0, a.balance
from account a
where a.kind = 'TENANT' and a.balance > 0
  and exists (select 1 from debit d where d.tenant_id = a.tenant_id and d.status = 'PENDING')
