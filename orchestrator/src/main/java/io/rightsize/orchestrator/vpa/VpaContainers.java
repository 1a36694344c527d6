package io.rightsize.orchestrator.vpa;

import io.fabric8.autoscaling.api.model.v1.ContainerResourcePolicy;
import io.fabric8.autoscaling.api.model.v1.VerticalPodAutoscaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The containers a VPA asks Rightsize about, each with the service whose samples stand for it. Rightsize does not
 * see the target's pods (its Role reads VPAs, nothing else), so the VPA names them: in the annotation
 * {@value #ANNOTATION}, a comma-separated list of {@code container} or {@code container=service}, and by every
 * {@code containerName} of its containerPolicies other than {@code "*"}. A container's service is the one the
 * annotation maps it to, else the container's own name, since Rightsize keeps samples by service name.
 */
final class VpaContainers {

    static final String ANNOTATION = "rightsize.io/containers";

    private VpaContainers() {
    }

    /** A container of the VPA's target and the Rightsize service whose samples it gets its numbers from. */
    record Named(String container, String service) {
    }

    /**
     * Annotation entries first, then policy names, each container once.
     *
     * @throws IllegalArgumentException for an annotation entry that is neither form, with a message for the VPA's
     *                                  status
     */
    static List<Named> of(VerticalPodAutoscaler vpa) {
        Map<String, String> services = new LinkedHashMap<>();
        Map<String, String> annotations = vpa.getMetadata().getAnnotations();
        String listed = annotations == null ? null : annotations.get(ANNOTATION);
        if (listed != null) {
            for (String entry : listed.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.split("=", -1);
                String container = parts[0].trim();
                String service = parts.length == 2 ? parts[1].trim() : container;
                if (parts.length > 2 || container.isEmpty() || service.isEmpty()) {
                    throw new IllegalArgumentException("annotation " + ANNOTATION + ": '" + entry.trim()
                            + "' is neither 'container' nor 'container=service'");
                }
                services.putIfAbsent(container, service);
            }
        }
        if (vpa.getSpec().getResourcePolicy() != null
                && vpa.getSpec().getResourcePolicy().getContainerPolicies() != null) {
            for (ContainerResourcePolicy p : vpa.getSpec().getResourcePolicy().getContainerPolicies()) {
                String name = p.getContainerName();
                if (name != null && !name.isEmpty() && !ContainerPolicy.ANY_CONTAINER.equals(name)) {
                    services.putIfAbsent(name, name);
                }
            }
        }
        List<Named> named = new ArrayList<>();
        services.forEach((container, service) -> named.add(new Named(container, service)));
        return named;
    }
}
