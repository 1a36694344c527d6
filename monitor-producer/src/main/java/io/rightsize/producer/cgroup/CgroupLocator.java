package io.rightsize.producer.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a container's cgroup by its runtime id, whatever the layout: the systemd driver names it
 * {@code kubepods.slice/.../cri-containerd-ID.scope} (or {@code crio-ID.scope}, {@code docker-ID.scope}), cgroupfs
 * {@code kubepods/burstable/podUID/ID}. Searching by id rather than building the path keeps every driver, QoS class and
 * runtime working.
 */
public final class CgroupLocator {

    /** kubepods sits at most a few levels down (e.g. under kubelet.slice); containers a few below it. */
    private static final int MAX_DEPTH = 8;

    private final Path root;

    public CgroupLocator(Path root) {
        this.root = root;
    }

    /** The reader for the container's cgroup, or empty while it does not exist (the container has not started). */
    public Optional<CgroupReader> find(String containerId) throws IOException {
        String id = bareId(containerId);
        Path hierarchy = hierarchy();
        try (Stream<Path> dirs = Files.walk(hierarchy, MAX_DEPTH)) {
            Optional<Path> found = dirs
                    .filter(dir -> dir.getFileName() != null && dir.getFileName().toString().contains(id))
                    .filter(Files::isDirectory)
                    .min(Comparator.comparingInt(Path::getNameCount));
            return found.map(dir -> CgroupReader.at(root, hierarchy.relativize(dir).toString()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The tree to search: the unified hierarchy on v2, the cpuacct controller's on v1 (often a cpu,cpuacct link). */
    private Path hierarchy() throws IOException {
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            return root;
        }
        return root.resolve("cpuacct").toRealPath();
    }

    /** Pod statuses name containers {@code containerd://ID}, {@code cri-o://ID} or {@code docker://ID}. */
    static String bareId(String containerId) {
        int scheme = containerId.indexOf("://");
        String id = scheme < 0 ? containerId : containerId.substring(scheme + 3);
        if (id.length() < 12 || !id.chars().allMatch(c -> Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("not a container id: " + containerId);
        }
        return id;
    }
}
