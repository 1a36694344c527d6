package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders of three services with known usage profiles, sampled once a second with 2% noise, on inputs of 0.5, 1, 2
 * or 4 megapixels: blur burns 900m CPU at 80 MiB + 60 MiB per megapixel; resize ramps memory 100 MiB + 30 MiB/s
 * times its {@code scale} parameter (0.5, 1 or 1.5) at 400m CPU; grayscale uses 300m and 80 MiB, plus 100m more
 * when the order also contains blur.
 */
public final class GeneratedUsage {

    static final double MIB = 1 << 20;

    private GeneratedUsage() {
    }

    static double cpu(String service, Set<String> order, double t) {
        return switch (service) {
            case "blur" -> 900;
            case "resize" -> 400;
            default -> order.contains("blur") ? 400 : 300;
        };
    }

    static final long[] INPUT_PIXELS = {500_000, 1_000_000, 2_000_000, 4_000_000};

    static final double[] SCALES = {0.5, 1.0, 1.5};

    /** At resize's default scale, 1. */
    static double memory(String service, long inputPixels, double t) {
        return memory(service, inputPixels, 1.0, t);
    }

    static double memory(String service, long inputPixels, double scale, double t) {
        return switch (service) {
            case "blur" -> (80 + 60 * inputPixels / 1e6) * MIB;
            case "resize" -> (100 + 30 * t) * scale * MIB;
            default -> 80 * MIB;
        };
    }

    static Map<String, Double> params(String service, double scale) {
        return service.equals("resize") ? Map.of("scale", scale) : Map.of();
    }

    public static List<UsageRow> orders(int count, long seed) {
        Random random = new Random(seed);
        // Scales drawn apart from the sizes and shapes, so no combination of them stands in for the scale.
        Random scales = new Random(seed + 1);
        List<Set<String>> shapes = List.of(Set.of("blur", "grayscale"), Set.of("resize", "grayscale"),
                Set.of("blur", "resize"), Set.of("grayscale"), Set.of("blur", "resize", "grayscale"));
        List<UsageRow> rows = new ArrayList<>();
        for (int o = 0; o < count; o++) {
            Set<String> services = shapes.get(o % shapes.size());
            String orderId = "order-" + o;
            long pixels = INPUT_PIXELS[(o / shapes.size()) % INPUT_PIXELS.length];
            double scale = SCALES[scales.nextInt(SCALES.length)];
            // In name order: a Set.of iterates in an order that changes from one JVM to the next, and so would the data.
            for (String service : new TreeSet<>(services)) {
                int seconds = 8 + random.nextInt(3);
                for (int t = 0; t <= seconds; t++) {
                    double noise = 1 + 0.02 * random.nextGaussian();
                    rows.add(new UsageRow(orderId, 1_000L * o, services, service, pixels, params(service, scale),
                            Resource.CPU_MILLICORES, t, cpu(service, services, t) * noise));
                    rows.add(new UsageRow(orderId, 1_000L * o, services, service, pixels, params(service, scale),
                            Resource.MEMORY_BYTES, t, memory(service, pixels, scale, t) * noise));
                }
            }
        }
        return rows;
    }
}
