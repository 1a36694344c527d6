package io.rightsize.orchestrator.cgroup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orchestrator's own cgroup directory in each hierarchy, from {@code /proc/self/cgroup} (which cgroup, relative
 * to each hierarchy's root) and {@code /proc/self/mountinfo} (where that hierarchy, or the part of it this process
 * can see, is mounted). The only directories task cgroups may be created under.
 *
 * @param v1 each cgroup v1 controller ({@code memory}, {@code cpu}, {@code cpuacct}...) to its own directory
 * @param v2 the own directory in the unified (v2) hierarchy, where one is mounted
 * @param readOnly those of the directories above whose mount is read-only
 */
public record OwnCgroups(Map<String, Path> v1, Optional<Path> v2, List<Path> readOnly) {

    /** Where there is no /proc to read (not Linux): no cgroup at all. */
    public static final OwnCgroups NONE = new OwnCgroups(Map.of(), Optional.empty(), List.of());

    public OwnCgroups {
        v1 = Map.copyOf(v1);
        readOnly = List.copyOf(readOnly);
    }

    /** This process's, from the real /proc and mount points. */
    public static OwnCgroups ofThisProcess() throws IOException {
        return read(Path.of("/proc/self"), Path.of("/"));
    }

    /**
     * From {@code procSelf/cgroup} and {@code procSelf/mountinfo}, mount points taken relative to {@code root}
     * ({@code /} on a real system, a fixture's directory in tests).
     */
    public static OwnCgroups read(Path procSelf, Path root) throws IOException {
        Map<String, String> v1Paths = new HashMap<>();
        String v2Path = null;
        for (String line : Files.readAllLines(procSelf.resolve("cgroup"), StandardCharsets.UTF_8)) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                v2Path = fields[2];
            } else {
                for (String controller : fields[1].split(",")) {
                    v1Paths.put(controller, fields[2]);
                }
            }
        }
        Map<String, Path> v1 = new HashMap<>();
        Optional<Path> v2 = Optional.empty();
        List<Path> readOnly = new ArrayList<>();
        for (String line : Files.readAllLines(procSelf.resolve("mountinfo"), StandardCharsets.UTF_8)) {
            Mount mount = Mount.parse(line);
            if (mount == null) {
                continue;
            }
            if (mount.type().equals("cgroup2") && v2Path != null && v2.isEmpty()) {
                v2 = mount.dirOf(v2Path, root);
                v2.filter(d -> mount.readOnly()).ifPresent(readOnly::add);
            } else if (mount.type().equals("cgroup")) {
                for (String option : mount.superOptions()) {
                    String own = v1Paths.get(option);
                    if (own != null && !v1.containsKey(option)) {
                        mount.dirOf(own, root).ifPresent(dir -> {
                            v1.put(option, dir);
                            if (mount.readOnly() && !readOnly.contains(dir)) {
                                readOnly.add(dir);
                            }
                        });
                    }
                }
            }
        }
        return new OwnCgroups(v1, v2, readOnly);
    }

    /** One line of mountinfo: {@code ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [TAGS...] - TYPE SOURCE SUPER}. */
    private record Mount(String root, String mountPoint, List<String> options, String type,
                         List<String> superOptions) {

        static Mount parse(String line) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                return null;
            }
            String[] fields = halves[0].split(" ");
            String[] tail = halves[1].split(" ");
            if (fields.length < 6 || tail.length < 3) {
                return null;
            }
            return new Mount(unescape(fields[3]), unescape(fields[4]), List.of(fields[5].split(",")), tail[0],
                    List.of(tail[2].split(",")));
        }

        boolean readOnly() {
            return options.contains("ro") || superOptions.contains("ro");
        }

        /** Where the cgroup at {@code path} (relative to the hierarchy's root) is, if this mount shows it. */
        Optional<Path> dirOf(String path, Path fsRoot) {
            String relative;
            if (root.equals("/")) {
                relative = path;
            } else if (path.equals(root) || path.startsWith(root + "/")) {
                relative = path.substring(root.length());
            } else {
                return Optional.empty();
            }
            Path point = fsRoot.resolve(mountPoint.substring(1));
            String inside = relative.replaceFirst("^/+", "");
            return Optional.of(inside.isEmpty() ? point : point.resolve(inside));
        }

        /** mountinfo writes space, tab, newline and backslash in paths as octal escapes. */
        private static String unescape(String field) {
            StringBuilder out = new StringBuilder(field.length());
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                    out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
