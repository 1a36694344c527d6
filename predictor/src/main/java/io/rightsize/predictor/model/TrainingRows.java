package io.rightsize.predictor.model;

import io.rightsize.common.messaging.Resource;
import io.rightsize.predictor.features.UsageRow;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What a model keeps of its training rows besides its weights: target scales, run lengths, input sizes. */
final class TrainingRows {

    private TrainingRows() {
    }

    /** Targets are divided by the resource's 99th percentile so CPU millicores and memory bytes weigh alike. */
    static Map<Resource, Double> targetScales(List<UsageRow> rows) {
        Map<Resource, Double> scales = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.demand()) {
            double[] values = rows.stream().filter(r -> r.resource() == resource).mapToDouble(UsageRow::value)
                    .sorted().toArray();
            double p99 = values.length == 0 ? 1
                    : values[(int) Math.min(values.length - 1, Math.floor(values.length * 0.99))];
            scales.put(resource, p99 > 0 ? p99 : 1);
        }
        return scales;
    }

    /** The 75th percentile of each service's run length, from the seconds its samples reach. */
    static Map<String, Double> expectedSeconds(List<UsageRow> rows) {
        Map<String, Map<String, Double>> runLength = new HashMap<>();
        for (UsageRow row : rows) {
            runLength.computeIfAbsent(row.service(), k -> new HashMap<>())
                    .merge(row.orderId(), row.elapsedSeconds(), Math::max);
        }
        Map<String, Double> expected = new LinkedHashMap<>();
        runLength.forEach((service, byOrder) -> {
            double[] lengths = byOrder.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            expected.put(service, lengths[(int) Math.min(lengths.length - 1, Math.floor(lengths.length * 0.75))]);
        });
        return expected;
    }

    /** Each service's largest input: what a row, or a query, of unknown size is taken to be. */
    static Map<String, Long> largestInputPixels(List<UsageRow> rows) {
        return rows.stream().collect(Collectors.toMap(UsageRow::service, UsageRow::inputPixels, Math::max,
                TreeMap::new));
    }

    /** Each service's smallest and largest known input among the training samples. */
    static Map<String, ModelMetadata.InputRange> trainedInputs(List<UsageRow> rows) {
        Map<String, ModelMetadata.InputRange> ranges = new TreeMap<>();
        for (UsageRow row : rows) {
            if (row.inputPixels() > 0) {
                ranges.merge(row.service(), new ModelMetadata.InputRange(row.inputPixels(), row.inputPixels()),
                        (a, b) -> new ModelMetadata.InputRange(Math.min(a.smallest(), b.smallest()),
                                Math.max(a.largest(), b.largest())));
            }
        }
        return ranges;
    }
}
