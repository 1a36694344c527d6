package io.rightsize.predictor.features;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Example;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The original design's features: the order's services (multi-hot), the service (one-hot), the resource (one-hot)
 * and the elapsed seconds. Every feature is written explicitly (zeros too) so scaling sees the same columns.
 */
public final class FeatureSpace {

    public static final String OUTPUT = "usage";
    private static final String ELAPSED = "elapsed_seconds";

    private final List<String> services;
    private final String[] names;

    public FeatureSpace(Set<String> services) {
        this.services = List.copyOf(new TreeSet<>(services));
        List<String> n = new ArrayList<>();
        this.services.forEach(s -> n.add("in_order:" + s));
        this.services.forEach(s -> n.add("service:" + s));
        for (Resource r : Resource.values()) {
            n.add("resource:" + r.wireName());
        }
        n.add(ELAPSED);
        this.names = n.toArray(String[]::new);
    }

    public List<String> services() {
        return services;
    }

    public boolean knows(String service) {
        return services.contains(service);
    }

    /** A training example whose target is already scaled. */
    public Example<Regressor> example(UsageRow row, double scaledTarget) {
        return new ArrayExample<>(new Regressor(OUTPUT, scaledTarget), names,
                values(row.orderServices(), row.service(), row.resource(), row.elapsedSeconds()));
    }

    /** An example to predict, output unknown. */
    public Example<Regressor> query(Set<String> orderServices, String service, Resource resource,
                                    double elapsedSeconds) {
        return new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names,
                values(orderServices, service, resource, elapsedSeconds));
    }

    private double[] values(Set<String> orderServices, String service, Resource resource, double elapsedSeconds) {
        double[] v = new double[names.length];
        int n = services.size();
        for (int i = 0; i < n; i++) {
            String s = services.get(i);
            v[i] = orderServices.contains(s) ? 1 : 0;
            v[n + i] = s.equals(service) ? 1 : 0;
        }
        v[2 * n + resource.ordinal()] = 1;
        v[names.length - 1] = elapsedSeconds;
        return v;
    }
}
