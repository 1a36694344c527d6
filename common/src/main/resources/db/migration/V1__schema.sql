-- Lookup tables, orders and tasks (written by the orchestrator) and samples (written by the monitor-consumer).
CREATE TABLE services (
    id   SMALLSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE resources (
    id   SMALLINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    unit TEXT NOT NULL
);

INSERT INTO resources (id, name, unit) VALUES
    (1, 'cpu_millicores', 'millicores'),
    (2, 'memory_bytes', 'bytes'),
    (3, 'disk_read_bytes_per_second', 'bytes/s'),
    (4, 'disk_write_bytes_per_second', 'bytes/s');

CREATE TABLE orders (
    id           TEXT PRIMARY KEY,
    state        TEXT NOT NULL,
    image        TEXT NOT NULL,
    spec         JSONB NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ,
    reason       TEXT
);

CREATE INDEX orders_state_idx ON orders (state);

CREATE TABLE tasks (
    id                     BIGSERIAL PRIMARY KEY,
    order_id               TEXT NOT NULL REFERENCES orders (id),
    position               INT NOT NULL,
    service_id             SMALLINT NOT NULL REFERENCES services (id),
    params                 JSONB NOT NULL,
    state                  TEXT NOT NULL,
    pid                    BIGINT,
    host                   TEXT,
    started_at             TIMESTAMPTZ,
    finished_at            TIMESTAMPTZ,
    exit_code              INT,
    reason                 TEXT,
    output_image           TEXT,
    cpu_request_millicores BIGINT,
    cpu_limit_millicores   BIGINT,
    memory_request_bytes   BIGINT,
    memory_limit_bytes     BIGINT,
    allocation_source      TEXT,
    UNIQUE (order_id, position)
);

-- One row per task, resource and second; the key makes a replayed sample a no-op.
CREATE TABLE samples (
    order_id    TEXT NOT NULL,
    task_id     BIGINT NOT NULL,
    resource_id SMALLINT NOT NULL REFERENCES resources (id),
    value       DOUBLE PRECISION NOT NULL,
    timestamp   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_id, resource_id, timestamp)
);

CREATE INDEX samples_order_idx ON samples (order_id);
