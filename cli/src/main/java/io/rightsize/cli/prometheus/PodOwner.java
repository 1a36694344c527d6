package io.rightsize.cli.prometheus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of the workload that owns a pod, read from the pod's name, since cAdvisor's series carry no owner: the
 * suffixes Kubernetes' controllers append are stripped.
 */
public final class PodOwner {

    /** The alphabet of generated name suffixes (Kubernetes' rand.SafeEncodeString: no vowels, no 0, 1 or 3). */
    private static final String SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
    private static final List<Pattern> SUFFIXES = List.of(
            // Deployment: <name>-<pod-template-hash>-<random>
            Pattern.compile("(.+)-" + SAFE + "{6,10}-" + SAFE + "{5}"),
            // CronJob: <name>-<scheduled minute>-<random>
            Pattern.compile("(.+)-[0-9]{8,}-" + SAFE + "{5}"),
            // DaemonSet, Job, a bare ReplicaSet: <name>-<random>
            Pattern.compile("(.+)-" + SAFE + "{5}"),
            // StatefulSet: <name>-<ordinal>
            Pattern.compile("(.+)-[0-9]+"));

    private PodOwner() {
    }

    /** {@code api-7d9f8b6c5d-x2k4p} gives {@code api}, {@code db-0} {@code db}; a name with no such suffix itself. */
    public static String of(String pod) {
        for (Pattern suffix : SUFFIXES) {
            Matcher m = suffix.matcher(pod);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return pod;
    }
}
