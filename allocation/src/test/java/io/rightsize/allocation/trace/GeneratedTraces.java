package io.rightsize.allocation.trace;

import java.util.stream.LongStream;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Usage series of known shapes with fixed seeds, to check recommenders beyond the one real trace. */
public final class GeneratedTraces {

    /** The shapes a recommender has to handle, each with the resource's own kind of noise on top. */
    public enum Shape {
        FLAT, PERIODIC, TREND, STEP, SPIKY,
        /** The level falls to 30 % at 60 % of the series: a load that went away, a heap that was given back. */
        FALL,
        /** A restart at 40 %: five samples at three times the level, as a JVM starting up. */
        STARTUP_SPIKE
    }

    private GeneratedTraces() {
    }

    /**
     * One series of {@code n} samples, one a minute: CPU is bursty (gamma noise, mean 1, cv 0.5), memory
     * smooth (AR(1) noise, sd about 4.6 %); the level is drawn between 100 and 1000.
     */
    public static Series series(Shape shape, String resource, long seed, int n) {
        RandomGenerator random = new Well19937c(seed);
        boolean cpu = resource.contains("cpu");
        double level = 100 + 900 * random.nextDouble();
        double phase = 2 * Math.PI * random.nextDouble();
        double[] noise = cpu ? burstyNoise(random, n) : smoothNoise(random, n);
        ParetoDistribution spike = new ParetoDistribution(random, 1, 1.5);
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            double shapeFactor = switch (shape) {
                case FLAT, SPIKY -> 1;
                case FALL -> t < 0.6 * n ? 1 : 0.3;
                case STARTUP_SPIKE -> t >= 0.4 * n && t < 0.4 * n + 5 ? 3 : 1;
                case PERIODIC -> 1 + 0.4 * Math.sin(2 * Math.PI * t / (n / 8.0) + phase);
                case TREND -> 1 + 0.6 * t / n;
                case STEP -> t < 0.35 * n ? 1 : 1.4;
            };
            values[t] = Math.max(0, level * shapeFactor * noise[t]);
            if (shape == Shape.SPIKY && random.nextDouble() < 0.03) {
                values[t] += level * spike.sample() * (cpu ? 1 : 0.3);
            }
        }
        return new Series(shape.name().toLowerCase() + "-" + seed, resource,
                LongStream.range(0, n).map(t -> 60 * t).toArray(), values);
    }

    private static double[] burstyNoise(RandomGenerator random, int n) {
        return new GammaDistribution(random, 4, 0.25).sample(n);
    }

    private static double[] smoothNoise(RandomGenerator random, int n) {
        NormalDistribution step = new NormalDistribution(random, 0, 0.02);
        double[] noise = new double[n];
        double e = 0;
        for (int t = 0; t < n; t++) {
            e = 0.9 * e + step.sample();
            noise[t] = 1 + e;
        }
        return noise;
    }
}
