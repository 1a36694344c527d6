package io.rightsize.cli.bench;

import io.rightsize.devstack.Stack;
import io.rightsize.devstack.service.ServiceKind;
import io.rightsize.devstack.service.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Each service restarted alone on the running stack: time from process start to ready, and resident memory then. */
final class StartupBenchmark {

    private final Stack stack;

    StartupBenchmark(Stack stack) {
        this.stack = stack;
    }

    List<Figure> run() throws IOException {
        List<Figure> figures = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            ServiceProcess service = stack.service(kind);
            service.close();
            long start = System.nanoTime();
            service.start();
            service.awaitReady(Duration.ofSeconds(120));
            double seconds = (System.nanoTime() - start) / 1e9;
            figures.add(new Figure(kind.module() + " JVM: start to ready", seconds * 1000, "ms", "-", "-"));
            figures.add(new Figure(kind.module() + " JVM: resident memory when ready", rssMiB(service.pid()), "MiB",
                    "-", String.join(" ", Stack.PRODUCTION_JVM) + " "
                            + String.join(" ", Stack.PRODUCTION_JVM_EXTRA.getOrDefault(kind, List.of()))));
        }
        return figures;
    }

    private static double rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
