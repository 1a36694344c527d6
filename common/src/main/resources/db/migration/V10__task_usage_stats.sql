-- Per-task statistics, kept once a task's samples are complete, so the statistics of an order's tasks are read, not
-- computed from every sample again (an order of 10 M samples took 14.5 s by scan). A task is sealed when the
-- monitor-consumer stores its last record (see SampleTick.last), or by its sweeper a while after the task finished;
-- a sample stored for a sealed task unseals it, and its statistics come from its samples again until it is resealed.
CREATE TABLE task_usage_stats (
    task_id     BIGINT   NOT NULL,
    resource_id SMALLINT NOT NULL,
    count       BIGINT   NOT NULL,
    min         FLOAT8   NOT NULL,
    avg         FLOAT8   NOT NULL,
    max         FLOAT8   NOT NULL,
    p50         FLOAT8   NOT NULL,
    p90         FLOAT8   NOT NULL,
    p95         FLOAT8   NOT NULL,
    p99         FLOAT8   NOT NULL,
    PRIMARY KEY (task_id, resource_id)
);

CREATE TABLE task_usage_sealed (
    task_id   BIGINT PRIMARY KEY,
    sealed_at TIMESTAMPTZ NOT NULL
);

-- Seals the given tasks: their statistics computed from their samples (exact, as a scan gives them), replacing any
-- earlier ones. Sealing again gives the same rows, so a replayed last record changes nothing.
CREATE FUNCTION seal_task_usage(ids BIGINT[]) RETURNS INT LANGUAGE SQL AS $$
    WITH sealing AS (SELECT DISTINCT id FROM unnest(ids) AS id),
    computed AS (
        SELECT x.task_id, x.resource_id, count(*) AS n, min(x.value) AS min, avg(x.value) AS avg, max(x.value) AS max,
               percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]) WITHIN GROUP (ORDER BY x.value) AS p
        FROM samples x JOIN sealing s ON x.task_id = s.id
        GROUP BY x.task_id, x.resource_id),
    stats AS (
        INSERT INTO task_usage_stats (task_id, resource_id, count, min, avg, max, p50, p90, p95, p99)
        SELECT task_id, resource_id, n, min, avg, max, p[1], p[2], p[3], p[4] FROM computed
        ON CONFLICT (task_id, resource_id) DO UPDATE SET count = excluded.count, min = excluded.min,
            avg = excluded.avg, max = excluded.max, p50 = excluded.p50, p90 = excluded.p90, p95 = excluded.p95,
            p99 = excluded.p99),
    sealed AS (
        INSERT INTO task_usage_sealed (task_id, sealed_at) SELECT id, now() FROM sealing
        ON CONFLICT (task_id) DO UPDATE SET sealed_at = excluded.sealed_at
        RETURNING 1)
    SELECT count(*)::INT FROM sealed
$$;
