package io.rightsize.cli.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one finished task's stored samples second by second: each whole second of its run should hold exactly one
 * sample per resource. A second without one is lost unless a recorded sampling gap covers it; a second with two is
 * a duplicate.
 */
record SampleCompleteness(long taskId, long expected, long stored, long gapped, long lost, long duplicated) {

    /** The resources sampled for every task (network only exists for pods). */
    private static final int[] RESOURCES = {1, 2, 3, 4};

    static SampleCompleteness of(Connection db, long taskId) throws SQLException {
        Instant started;
        Instant finished;
        try (PreparedStatement q = db.prepareStatement("SELECT started_at, finished_at FROM tasks WHERE id = ?")) {
            q.setLong(1, taskId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(1) == null || rs.getTimestamp(2) == null) {
                    throw new IllegalStateException("task " + taskId + " has not run to its end");
                }
                started = rs.getTimestamp(1).toInstant();
                finished = rs.getTimestamp(2).toInstant();
            }
        }
        long seconds = (finished.toEpochMilli() - started.toEpochMilli()) / 1000;
        List<Instant[]> gaps = gaps(db, taskId);
        Map<Integer, Map<Long, Integer>> perSecond = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT resource_id, timestamp FROM samples WHERE task_id = ? AND resource_id <= 4")) {
            q.setLong(1, taskId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long second = Math.floorDiv(rs.getTimestamp(2).toInstant().toEpochMilli() - started.toEpochMilli(),
                            1000);
                    perSecond.computeIfAbsent(rs.getInt(1), r -> new HashMap<>()).merge(second, 1, Integer::sum);
                }
            }
        }
        long stored = 0;
        long gapped = 0;
        long lost = 0;
        long duplicated = 0;
        for (int resource : RESOURCES) {
            Map<Long, Integer> counts = perSecond.getOrDefault(resource, Map.of());
            Set<Long> seen = new HashSet<>();
            for (long s = 0; s < seconds; s++) {
                int n = counts.getOrDefault(s, 0);
                if (n > 0) {
                    stored++;
                    duplicated += n - 1;
                    seen.add(s);
                } else if (inGap(gaps, started.plusSeconds(s), started.plusSeconds(s + 1))) {
                    gapped++;
                } else {
                    lost++;
                }
            }
        }
        return new SampleCompleteness(taskId, seconds * RESOURCES.length, stored, gapped, lost, duplicated);
    }

    SampleCompleteness plus(SampleCompleteness other) {
        return new SampleCompleteness(-1, expected + other.expected, stored + other.stored, gapped + other.gapped,
                lost + other.lost, duplicated + other.duplicated);
    }

    private static List<Instant[]> gaps(Connection db, long taskId) throws SQLException {
        List<Instant[]> gaps = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT from_ts, to_ts FROM sampling_gaps WHERE task_id = ?")) {
            q.setLong(1, taskId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    gaps.add(new Instant[] {rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()});
                }
            }
        }
        return gaps;
    }

    /** A second is covered when a gap overlaps it: the sampler was not there for (part of) it. */
    private static boolean inGap(List<Instant[]> gaps, Instant from, Instant to) {
        return gaps.stream().anyMatch(g -> g[0].isBefore(to) && g[1].isAfter(from));
    }
}
