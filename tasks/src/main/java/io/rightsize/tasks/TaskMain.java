package io.rightsize.tasks;

import io.rightsize.tasks.catalog.InvalidParamException;
import io.rightsize.tasks.catalog.ParamSpec;
import io.rightsize.tasks.catalog.TaskCatalog;
import io.rightsize.tasks.catalog.TaskDefinition;
import io.rightsize.tasks.ops.ImageOperation;
import io.rightsize.tasks.ops.Operations;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs one task as a process of its own: reads the input image, applies the operation on this thread, writes a PNG
 * and prints one summary line ({@code task=<name> in=WxH out=WxH millis=N}, where millis covers reading, processing
 * and writing).
 */
public final class TaskMain {

    private TaskMain() {
    }

    public static void main(String[] args) {
        // The tasks never open a window; without a display AWT must not try to find one.
        System.setProperty("java.awt.headless", "true");
        int code = run(args, System.out, System.err).code();
        String recordPath = System.getenv(ExitRecord.PATH_VARIABLE);
        if (recordPath != null && !recordPath.isBlank()) {
            try {
                ExitRecord.ofThisProcess(code).write(java.nio.file.Path.of(recordPath));
            } catch (RuntimeException e) {
                System.err.println("warning: cannot write the exit record " + recordPath + ": " + e.getMessage());
            }
        }
        System.exit(code);
    }

    /** Does everything {@link #main} does except exiting, so tests can run it in-process. */
    static ExitCode run(String[] args, PrintStream out, PrintStream err) {
        long start = System.nanoTime();
        try {
            TaskArguments arguments = ArgParser.parse(args);
            TaskDefinition task = TaskCatalog.find(arguments.task()).orElseThrow(
                    () -> new UsageException("unknown task '" + arguments.task() + "'; known tasks: "
                            + String.join(", ", TaskCatalog.names())));
            Map<String, Double> params = task.resolveParams(arguments.params());
            ImageOperation operation = Operations.forTask(task.name()).orElseThrow(
                    () -> new IllegalStateException("catalog task '" + task.name() + "' has no operation"));

            BufferedImage input = ImageFiles.read(arguments.input());
            BufferedImage output = operation.apply(input, params);
            ImageFiles.writePng(output, arguments.output());

            long millis = (System.nanoTime() - start) / 1_000_000;
            out.printf("task=%s in=%dx%d out=%dx%d millis=%d%n", task.name(), input.getWidth(), input.getHeight(),
                    output.getWidth(), output.getHeight(), millis);
            return ExitCode.SUCCESS;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(ArgParser.USAGE);
            err.println(taskList());
            return ExitCode.USAGE;
        } catch (InvalidParamException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (ImageFileException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.IMAGE_IO;
        } catch (OutOfMemoryError e) {
            // A distinct exit code lets the orchestrator retry with more memory instead of failing the order.
            err.println("error: out of memory: " + e.getMessage());
            return ExitCode.OUT_OF_MEMORY;
        } catch (RuntimeException e) {
            err.println("error: task failed");
            e.printStackTrace(err);
            return ExitCode.FAILURE;
        }
    }

    private static String taskList() {
        StringBuilder text = new StringBuilder("tasks:");
        for (TaskDefinition task : TaskCatalog.all()) {
            text.append(System.lineSeparator()).append("  ").append(task.name()).append(" - ")
                    .append(task.description());
            for (ParamSpec param : task.params()) {
                text.append(System.lineSeparator()).append("      --param ").append(param.summary());
            }
        }
        return text.toString();
    }
}
