-- Samples are the one table written at tens of thousands of rows a second, and every index and per-row trigger on it
-- is paid on each of them. Two are dropped (measured on PostgreSQL 15 with the monitor-consumer's ingest statement,
-- 5,000-row batches: 62,000 rows/s before, 83,000 after):
-- - the index on order_id: queries for an order go through tasks (unique on order_id, position) and the primary key,
--   whose leading column is task_id;
-- - the foreign key to resources, a per-row check: the monitor-consumer only stores resource ids of its Resource enum
--   (anything else goes to the dead-letter topic), and the resources table still names every id.
DROP INDEX samples_order_idx;
ALTER TABLE samples DROP CONSTRAINT samples_resource_id_fkey;
