package io.rightsize.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording says about where a process spent its time: the hottest methods by CPU samples (the top frame,
 * and the first frame of the application's own code), and garbage-collection pauses, so a benchmark's limit comes
 * with its profile.
 */
record JfrSummary(String process, long samples, List<Hot> selfTime, List<Hot> applicationFrames, long gcPauses,
                  Duration gcPauseTotal, Duration gcPauseLongest, long peakHeapAfterGc) {

    /** A method and its share of the CPU samples. */
    record Hot(String method, long samples, double share) {
    }

    /** Reads {@code file}; {@code applicationPackage} (e.g. {@code io.rightsize.}) marks the application's frames. */
    static JfrSummary read(Path file, String applicationPackage, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> application = new HashMap<>();
        long samples = 0;
        long pauses = 0;
        Duration pauseTotal = Duration.ZERO;
        Duration pauseLongest = Duration.ZERO;
        long peakHeap = 0;
        String process = file.getFileName().toString();
        // Streamed, not read whole: a profile of a full bench run holds millions of events.
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        self.merge(name(stack.getFrames().get(0)), 1L, Long::sum);
                        stack.getFrames().stream().filter(f -> f.isJavaFrame()
                                        && f.getMethod().getType().getName().startsWith(applicationPackage))
                                .findFirst().ifPresent(f -> application.merge(name(f), 1L, Long::sum));
                    }
                    case "jdk.GarbageCollection" -> {
                        pauses++;
                        Duration pause = event.getDuration("sumOfPauses");
                        pauseTotal = pauseTotal.plus(pause);
                        pauseLongest = pause.compareTo(pauseLongest) > 0 ? pause : pauseLongest;
                    }
                    case "jdk.GCHeapSummary" -> {
                        if ("After GC".equals(event.getString("when"))) {
                            peakHeap = Math.max(peakHeap, event.getLong("heapUsed"));
                        }
                    }
                    case "jdk.InitialSystemProperty" -> {
                        if ("sun.java.command".equals(event.getString("key"))) {
                            process = event.getString("value");
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new JfrSummary(process, samples, hottest(self, samples, top), hottest(application, samples, top),
                pauses, pauseTotal, pauseLongest, peakHeap);
    }

    /** Printable lines: the process, its GC pauses, then both hot-method lists. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "profile of %s: %d CPU samples; %d GC pauses, %d ms in all, longest %.1f ms;"
                + " heap after GC at most %d MiB", process, samples, gcPauses, gcPauseTotal.toMillis(),
                gcPauseLongest.toNanos() / 1e6, peakHeapAfterGc >> 20));
        lines.add("  hottest methods (top frame):");
        selfTime.forEach(h -> lines.add(String.format(Locale.ROOT, "    %5.1f%%  %s", 100 * h.share(), h.method())));
        lines.add("  hottest application frames (first frame of the application's code on the stack):");
        applicationFrames.forEach(h -> lines.add(String.format(Locale.ROOT, "    %5.1f%%  %s", 100 * h.share(),
                h.method())));
        return lines;
    }

    private static List<Hot> hottest(Map<String, Long> counts, long samples, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .map(e -> new Hot(e.getKey(), e.getValue(), samples == 0 ? 0 : (double) e.getValue() / samples))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.getType().getName() + "." + method.getName() + (frame.isJavaFrame() ? "" : " (native)");
    }
}
