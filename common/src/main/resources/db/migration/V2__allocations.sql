-- Allocations learn from failures: a task that ran out of memory is retried once with more (attempts = 2), and
-- the event is kept so the next recommendation for its service never goes below the bumped limit.
ALTER TABLE tasks ADD COLUMN attempts INT NOT NULL DEFAULT 1;

-- memory_limit_bytes is the limit the task ran out of memory under (its retry got MemoryBump.afterOom of it).
CREATE TABLE oom_events (
    id                 BIGSERIAL PRIMARY KEY,
    task_id            BIGINT NOT NULL,
    order_id           TEXT NOT NULL,
    service_id         SMALLINT NOT NULL REFERENCES services (id),
    memory_limit_bytes BIGINT NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX oom_events_service_idx ON oom_events (service_id);
