package io.rightsize.producer.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The host (local mode) or node (kubernetes mode) whose tasks this producer samples, by the name task events give as
 * their {@code host}: one producer per host, so it also names this producer's own task-event consumer group.
 */
public record SampledHost(ProbeMode mode, String name) {

    static final String NODE_NAME_MISSING = "rightsize.producer.mode=kubernetes needs rightsize.producer.kubernetes"
            + ".node-name (RIGHTSIZE_PRODUCER_KUBERNETES_NODE_NAME, from the pod's spec.nodeName)";

    /** Throws in kubernetes mode without a node name: such a producer would sample nothing, silently. */
    public static SampledHost of(ProducerConfig config) {
        return switch (config.mode()) {
            case LOCAL -> new SampledHost(ProbeMode.LOCAL, localHost(config));
            case KUBERNETES -> new SampledHost(ProbeMode.KUBERNETES, config.kubernetes().nodeName()
                    .orElseThrow(() -> new IllegalStateException(NODE_NAME_MISSING)));
        };
    }

    /** The host local tasks must name: {@code rightsize.producer.host}, else this machine's name. */
    public static String localHost(ProducerConfig config) {
        return config.host().orElseGet(SampledHost::machineName);
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
