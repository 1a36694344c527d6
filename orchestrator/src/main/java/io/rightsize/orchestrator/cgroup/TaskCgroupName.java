package io.rightsize.orchestrator.cgroup;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task cgroup's name, {@code task-<taskId>-<attempt>-<orchestrator pid>}. The pid keeps the names of orchestrators
 * that share a parent apart (two on one machine whose own cgroup is the same, each with task ids from its own
 * database) and tells, after a crash, which leftovers belong to no running orchestrator.
 */
public record TaskCgroupName(long taskId, int attempt, long ownerPid) {

    private static final Pattern FORMAT = Pattern.compile("task-(\\d+)-(\\d+)-(\\d+)");

    @Override
    public String toString() {
        return "task-" + taskId + "-" + attempt + "-" + ownerPid;
    }

    /** The name a directory carries, or empty for anything else found beside task cgroups. */
    static Optional<TaskCgroupName> parse(String name) {
        Matcher m = FORMAT.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TaskCgroupName(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
