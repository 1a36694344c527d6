package io.rightsize.orchestrator.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The task catalog's command line for one launch, the same whether a local JVM or a Job's container runs it. */
final class TaskArguments {

    private TaskArguments() {
    }

    /** {@code <service> --input IN --output OUT [--param k=v]...}. */
    static List<String> of(TaskLaunch launch) {
        List<String> args = new ArrayList<>();
        args.add(launch.service());
        args.add("--input");
        args.add(launch.input().toString());
        args.add("--output");
        args.add(launch.output().toString());
        for (Map.Entry<String, Double> param : launch.params().entrySet()) {
            args.add("--param");
            args.add(param.getKey() + "=" + String.format(Locale.ROOT, "%s", param.getValue()));
        }
        return args;
    }
}
