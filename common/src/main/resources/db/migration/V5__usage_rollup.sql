-- Statistics over all stored samples without scanning them: per service and resource, counts, min, max and sum per
-- value bucket (buckets 1% wide on a log scale), kept up to date by the monitor-consumer in the same statement that
-- stores a batch (only rows that were new are counted, so a replayed sample changes nothing). Percentiles read from
-- the cumulative bucket counts are within about 1% of the exact ones.
CREATE TABLE usage_rollup (
    service_id  SMALLINT NOT NULL REFERENCES services (id),
    resource_id SMALLINT NOT NULL REFERENCES resources (id),
    bucket      INT      NOT NULL,
    count       BIGINT   NOT NULL,
    min         FLOAT8   NOT NULL,
    max         FLOAT8   NOT NULL,
    sum         FLOAT8   NOT NULL,
    PRIMARY KEY (service_id, resource_id, bucket)
);

-- The bucket of a value: all values <= 0 share one; the rest are 1% wide on a log scale.
CREATE FUNCTION usage_bucket(value FLOAT8) RETURNS INT IMMUTABLE LANGUAGE SQL AS
$$ SELECT CASE WHEN value <= 0 THEN -2147483648 ELSE floor(ln(value) / ln(1.01))::INT END $$;

INSERT INTO usage_rollup (service_id, resource_id, bucket, count, min, max, sum)
SELECT t.service_id, x.resource_id, usage_bucket(x.value), count(*), min(x.value), max(x.value), sum(x.value)
FROM samples x JOIN tasks t ON t.id = x.task_id
GROUP BY 1, 2, 3;
