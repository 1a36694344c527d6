package io.rightsize.producer.cgroup;

import io.rightsize.producer.sampling.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A container's cumulative counters from its cgroup files, as the same snapshot a local process gives. */
public sealed interface CgroupReader permits CgroupV1, CgroupV2 {

    /** The counters now; {@code wallMillis} stamps the snapshot so two of them make a rate. */
    ProcessSnapshot snapshot(long wallMillis) throws IOException;

    /** The file listing the cgroup's processes, one pid per line (a container's; a pod's network is theirs). */
    Path processes();

    /**
     * The reader for the cgroup at {@code relative} (e.g. {@code kubepods.slice/.../cri-containerd-ID.scope}) under
     * the hierarchy mounted at {@code root}: v2 when the root is the unified hierarchy, else v1's controllers.
     */
    static CgroupReader at(Path root, String relative) {
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return new CgroupV2(root.resolve(relative));
        }
        return new CgroupV1(root.resolve("cpuacct").resolve(relative), root.resolve("memory").resolve(relative),
                root.resolve("blkio").resolve(relative), root.resolve("cpu").resolve(relative));
    }
}
