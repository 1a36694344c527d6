-- What each task used over its whole run, read as its process ended (CPU time and peak resident memory): a task
-- shorter than one sampling interval has no samples but still this record. NULL where the process left none.
ALTER TABLE tasks ADD COLUMN cpu_seconds DOUBLE PRECISION;
ALTER TABLE tasks ADD COLUMN peak_memory_bytes BIGINT;

-- An OOM end is retried until stored (through a database outage a write may have landed though its answer was
-- lost): the key makes the retry a no-op.
CREATE UNIQUE INDEX oom_events_task_time_idx ON oom_events (task_id, occurred_at);
