package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** One task's cgroup, limited to its allocation: entered by the task's first process, read and removed at its end. */
public sealed interface TaskCgroup permits CgroupV1Task, CgroupV2Task {

    /** Where the task's process writes its own pid to enter the cgroup: one per v1 hierarchy, one on v2. */
    List<Path> procsFiles();

    /** The cgroup's directories, one per hierarchy; all under the orchestrator's own cgroup. */
    List<Path> dirs();

    /** What the task used in all; read after its process ended and before {@link #remove()}. */
    CgroupUsage usage() throws IOException;

    /** Stops whatever of the task still runs in the cgroup, then removes it. */
    default void remove() throws IOException {
        for (Path dir : dirs()) {
            CgroupDirs.remove(dir);
        }
    }

    /** Reads the usage, then removes the cgroup however the read went; a failure is logged, not thrown. */
    default Optional<CgroupUsage> finish() {
        Optional<CgroupUsage> used = Optional.empty();
        try {
            used = Optional.of(usage());
        } catch (IOException e) {
            Logger.getLogger(TaskCgroup.class).warnf("cannot read the usage of %s: %s", dirs(), e.getMessage());
        }
        try {
            remove();
        } catch (IOException e) {
            Logger.getLogger(TaskCgroup.class).warnf("cannot remove %s (%s); the next start or stop removes it once"
                    + " empty", dirs(), CgroupFiles.why(e));
        }
        return used;
    }
}
