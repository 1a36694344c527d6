package io.rightsize.cli.report;

import io.rightsize.api.v1.BacktestRow;
import io.rightsize.api.v1.CandidateResult;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.ResourceError;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Prints a model's metadata: the winner, the candidates, the error per resource and the stored-data backtest. */
public final class ModelSummary {

    private ModelSummary() {
    }

    public static void print(ModelInfo model, PrintStream out) {
        if (!model.getPresent()) {
            out.println("no model trained yet (recommendations use " + model.getDefaultRecommender() + ")");
            printRecommenders(model, out);
            return;
        }
        out.printf(Locale.ROOT, "model %s: %s won, trained on %d samples, validated on %d (Tribuo %s)%n",
                model.getVersion(), model.getAlgorithm(), model.getTrainingRows(), model.getValidationRows(),
                model.getTribuoVersion());
        out.printf(Locale.ROOT, "  features: the order's and the task's service (%s), resource, elapsed seconds, input"
                + " megapixels%s%n", String.join(", ", model.getServicesList()), model.getParamFeaturesCount() == 0
                ? "" : ", task parameters " + String.join(", ", model.getParamFeaturesList()));
        for (CandidateResult c : model.getCandidatesList()) {
            out.printf(Locale.ROOT, "  candidate %-22s scaled RMSE %.4f  trained in %.1f s%n", c.getAlgorithm(),
                    c.getScaledRmse(), c.getTrainSeconds());
        }
        for (ResourceError e : model.getErrorsList()) {
            out.printf(Locale.ROOT, "  %-28s RMSE %12.1f  MAE %12.1f  coverage %.3f (target %.2f)%n",
                    e.getResource().name().toLowerCase(Locale.ROOT), e.getRmse(), e.getMae(), e.getCoverage(),
                    model.getTargetCoverage());
        }
        out.println("  backtest on the test orders (recommender, resource, slack %, overrun %, time lost %, cost,");
        out.println("  series; then the same allocations scaled to the lowest overrun of any recommender: factor,");
        out.println("  slack %, overrun %; '-' where no factor reaches it, or the model was trained before this was");
        out.println("  computed; hindsight: one allocation per service chosen knowing the test samples, at vpa-simple's");
        out.println("  overrun, a yardstick):");
        Map<String, double[]> costs = new TreeMap<>();
        for (BacktestRow row : model.getBacktestList()) {
            String equal = row.hasEqualOverrun() ? String.format(Locale.ROOT, "   x%-6.2f %7.2f %7.2f",
                    row.getEqualOverrun().getFactor(), row.getEqualOverrun().getSlackPct(),
                    row.getEqualOverrun().getOverrunPct()) : "   -";
            out.printf(Locale.ROOT, "    %-13s %-15s %7.2f %7.2f %7s %7.1f %4d%s%n", row.getRecommender(),
                    row.getResource().name().toLowerCase(Locale.ROOT), row.getSlackPct(), row.getOverrunPct(),
                    row.hasLostTimePct() ? String.format(Locale.ROOT, "%.2f", row.getLostTimePct()) : "-",
                    row.getCost(), row.getSeries(), equal);
            if (!row.getRecommender().equals("hindsight")) {
                double[] sum = costs.computeIfAbsent(row.getRecommender(), k -> new double[2]);
                sum[0] += row.getCost();
                sum[1]++;
            }
        }
        out.println("  default recommender: " + model.getDefaultRecommender() + (costs.isEmpty() ? ""
                : ", the least cost averaged over CPU and memory (" + costs.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()[0] / e.getValue()[1]))
                        .collect(Collectors.joining(", ")) + ")"));
        out.println("  cost = slack % + 10 x time lost %: an OOM kill loses its run's whole attempt, a throttled");
        out.println("  second only its excess over the limit (docs/allocation.md, the cost model)");
        printRecommenders(model, out);
    }

    private static void printRecommenders(ModelInfo model, PrintStream out) {
        if (model.getRecommendersCount() > 0) {
            out.println("recommenders the predictor serves (./rightsize recommend --recommender NAME):");
            model.getRecommendersList().forEach(r -> out.printf("  %-13s %s%s%n", r.getName(), r.getDescription(),
                    r.getNeedsModel() ? " (needs a trained model; vpa-simple until then)" : ""));
        }
    }
}
