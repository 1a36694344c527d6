-- Where a task runs in a cgroup of its own: time held back by its CPU limit, per second, and the kernel's OOM kills.
INSERT INTO resources (id, name, unit) VALUES
    (7, 'cpu_throttled_seconds_per_second', 's/s'),
    (8, 'oom_kills', 'count');

-- What a task's cgroup counted of CPU throttling over its whole run (NULL where its limits were emulated).
ALTER TABLE tasks ADD COLUMN throttled_seconds DOUBLE PRECISION;
