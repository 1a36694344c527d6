package io.rightsize.tasks;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code <task> --input IN --output OUT [--param name=value]...} without pulling in a library. */
final class ArgParser {

    static final String USAGE =
            "usage: java -cp rightsize-tasks.jar io.rightsize.tasks.TaskMain <task> --input IN --output OUT.png"
                    + " [--param name=value]...";

    private ArgParser() {
    }

    /**
     * @throws UsageException naming the problem: missing or repeated option, missing value, malformed parameter
     */
    static TaskArguments parse(String[] args) {
        String task = null;
        Path input = null;
        Path output = null;
        Map<String, Double> params = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--input" -> {
                    requireUnset(input, arg);
                    input = path(arg, valueAfter(args, i++));
                }
                case "--output" -> {
                    requireUnset(output, arg);
                    output = path(arg, valueAfter(args, i++));
                }
                case "--param" -> addParam(params, valueAfter(args, i++));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                    if (task != null) {
                        throw new UsageException("unexpected argument '" + arg + "': task is already '" + task + "'");
                    }
                    task = arg;
                }
            }
        }
        if (task == null) {
            throw new UsageException("missing task name");
        }
        if (input == null) {
            throw new UsageException("missing --input");
        }
        if (output == null) {
            throw new UsageException("missing --output");
        }
        return new TaskArguments(task, input, output, params);
    }

    private static String valueAfter(String[] args, int optionIndex) {
        if (optionIndex + 1 >= args.length) {
            throw new UsageException("option " + args[optionIndex] + " needs a value");
        }
        return args[optionIndex + 1];
    }

    private static void requireUnset(Object current, String option) {
        if (current != null) {
            throw new UsageException("option " + option + " given twice");
        }
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("option " + option + ": invalid path '" + value + "'");
        }
    }

    private static void addParam(Map<String, Double> params, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--param expects name=value, got '" + assignment + "'");
        }
        String name = assignment.substring(0, equals);
        String text = assignment.substring(equals + 1).trim();
        if (params.containsKey(name)) {
            throw new UsageException("param '" + name + "': given twice");
        }
        try {
            params.put(name, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new UsageException("param '" + name + "': not a number: '" + text + "'");
        }
    }
}
