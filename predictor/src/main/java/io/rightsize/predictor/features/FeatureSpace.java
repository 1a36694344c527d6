package io.rightsize.predictor.features;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The original design's features: the order's services (multi-hot), the service (one-hot), the resource (one-hot)
 * and the elapsed seconds, plus the task's input size in megapixels, which an image task's memory follows (without
 * it one service's small and large inputs average out, and a large one runs out of memory), and the task's numeric
 * parameters, one feature per service and parameter (a resize's scale decides the pixels it holds; a radius means
 * something else to a median), set for every resource but CPU. Every feature is written explicitly (zeros too) so
 * scaling sees the same columns.
 */
public final class FeatureSpace {

    public static final String OUTPUT = "usage";
    private static final String ELAPSED = "elapsed_seconds";
    private static final String INPUT_MEGAPIXELS = "input_megapixels";

    private final List<String> services;
    private final List<String> params;
    private final String[] names;
    /** Each service's parameter columns, found once: a query fills them without string work. */
    private final Map<String, List<ParamColumn>> paramColumns = new HashMap<>();

    /** {@code params}: the parameter features, each {@link #paramKey service and parameter name}. */
    public FeatureSpace(Set<String> services, Collection<String> params) {
        this.services = List.copyOf(new TreeSet<>(services));
        this.params = List.copyOf(new TreeSet<>(params));
        List<String> n = new ArrayList<>();
        this.services.forEach(s -> n.add("in_order:" + s));
        this.services.forEach(s -> n.add("service:" + s));
        for (Resource r : Resource.demand()) {
            n.add("resource:" + r.wireName());
        }
        for (String p : this.params) {
            String service = p.substring(0, p.lastIndexOf('.'));
            paramColumns.computeIfAbsent(service, k -> new ArrayList<>())
                    .add(new ParamColumn(p.substring(service.length() + 1), n.size()));
            n.add("param:" + p);
        }
        n.add(ELAPSED);
        n.add(INPUT_MEGAPIXELS);
        this.names = n.toArray(String[]::new);
    }

    /**
     * The parameter features the rows' tasks have, those that take more than one value: a parameter always at its
     * default teaches nothing, and each column costs the linear and factorization-machine candidates time.
     */
    public static Set<String> paramKeys(Collection<UsageRow> rows) {
        Map<String, Double> first = new HashMap<>();
        Set<String> varied = new TreeSet<>();
        Map<String, Double> last = null;
        for (UsageRow row : rows) {
            // Rows of one task share one map: look at each once.
            if (row.params() != last) {
                row.params().forEach((name, value) -> {
                    String key = paramKey(row.service(), name);
                    Double seen = first.putIfAbsent(key, value);
                    if (seen != null && !seen.equals(value)) {
                        varied.add(key);
                    }
                });
                last = row.params();
            }
        }
        return varied;
    }

    /** One feature per service and parameter name, e.g. {@code resize.scale} (a parameter name has no dot). */
    public static String paramKey(String service, String param) {
        return service + "." + param;
    }

    public List<String> services() {
        return services;
    }

    public List<String> params() {
        return params;
    }

    public boolean knows(String service) {
        return services.contains(service);
    }

    /**
     * A training example whose target is already scaled; {@code inputPixels} is the row's input size as the model
     * is to see it (an unknown one already replaced, as it is when the model is asked).
     */
    public Example<Regressor> example(UsageRow row, long inputPixels, double scaledTarget) {
        return new ArrayExample<>(new Regressor(OUTPUT, scaledTarget), names, values(row.orderServices(),
                row.service(), inputPixels, row.params(), row.resource(), row.elapsedSeconds()));
    }

    /** An example to predict, output unknown. */
    public Example<Regressor> query(Set<String> orderServices, String service, long inputPixels,
                                    Map<String, Double> taskParams, Resource resource, double elapsedSeconds) {
        return new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names,
                values(orderServices, service, inputPixels, taskParams, resource, elapsedSeconds));
    }

    private double[] values(Set<String> orderServices, String service, long inputPixels,
                            Map<String, Double> taskParams, Resource resource, double elapsedSeconds) {
        double[] v = new double[names.length];
        int n = services.size();
        for (int i = 0; i < n; i++) {
            String s = services.get(i);
            v[i] = orderServices.contains(s) ? 1 : 0;
            v[n + i] = s.equals(service) ? 1 : 0;
        }
        v[2 * n + resource.ordinal()] = 1;
        // Not for CPU: a core's rate does not follow the parameters (its duration does); there they only gave trees
        // noise to split on (one stored demo run: the model's CPU slack 61.4% against vpa's 47.0% at equal overrun).
        if (resource != Resource.CPU_MILLICORES) {
            for (ParamColumn column : paramColumns.getOrDefault(service, List.of())) {
                v[column.index()] = taskParams.getOrDefault(column.param(), 0.0);
            }
        }
        v[names.length - 2] = elapsedSeconds;
        v[names.length - 1] = inputPixels / 1e6;
        return v;
    }

    /** Where a service's parameter goes among the features. */
    private record ParamColumn(String param, int index) {
    }
}
