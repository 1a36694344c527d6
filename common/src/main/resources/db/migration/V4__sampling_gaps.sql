-- Windows in which a task's samples may be incomplete because no monitor-producer was following it (it started or
-- restarted after the task did). A replayed gap message is a no-op.
CREATE TABLE sampling_gaps (
    task_id   BIGINT      NOT NULL REFERENCES tasks (id),
    from_ts   TIMESTAMPTZ NOT NULL,
    to_ts     TIMESTAMPTZ NOT NULL,
    reason    TEXT        NOT NULL,
    PRIMARY KEY (task_id, from_ts, to_ts)
);
