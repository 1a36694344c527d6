package io.rightsize.orchestrator.vpa;

import io.fabric8.kubernetes.api.model.Quantity;
import io.rightsize.allocation.policy.Rounding;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.Optional;

/**
 * A recommender's numbers as Kubernetes quantities, rounded up once, here, by the allocation policy's rule: CPU in
 * whole millicores ({@code "250m"}), memory in whole MiB ({@code "256Mi"}).
 */
final class Quantities {

    private static final long MIB = 1L << 20;

    private Quantities() {
    }

    /** The resource's name in a VPA's maps and controlledResources. */
    static String name(ResourceKind kind) {
        return switch (kind) {
            case CPU -> "cpu";
            case MEMORY -> "memory";
        };
    }

    /** The kind a VPA resource name stands for; empty for those no recommender covers, e.g. ephemeral-storage. */
    static Optional<ResourceKind> kind(String name) {
        return switch (name) {
            case "cpu" -> Optional.of(ResourceKind.CPU);
            case "memory" -> Optional.of(ResourceKind.MEMORY);
            default -> Optional.empty();
        };
    }

    /** {@code value} in millicores (CPU) or bytes (memory), the units recommenders read. */
    static Quantity of(ResourceKind kind, double value) {
        return switch (kind) {
            case CPU -> new Quantity(Math.max(0, (long) Math.ceil(value)) + "m");
            case MEMORY -> new Quantity(Rounding.wholeMiB(value) / MIB + "Mi");
        };
    }
}
