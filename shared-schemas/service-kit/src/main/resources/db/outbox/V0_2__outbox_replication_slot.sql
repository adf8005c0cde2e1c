-- The replication slot must exist before the first outbox row is committed: with snapshot.mode=no_data, Debezium
-- never publishes rows committed before its slot was created. A slot cannot be created in a transaction that has
-- already written, hence a migration of its own. Slots are cluster-wide, so the name carries the database.
select pg_create_logical_replication_slot('${flyway:database}_outbox', 'pgoutput')
where not exists (select 1 from pg_replication_slots where slot_name = '${flyway:database}_outbox');
