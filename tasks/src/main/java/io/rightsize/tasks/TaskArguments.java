package io.rightsize.tasks;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed command line, before the task and its parameters are checked against the catalog.
 *
 * @param task   task name as given
 * @param input  image to read
 * @param output PNG file to write
 * @param params parameter values as given, in command-line order
 */
record TaskArguments(String task, Path input, Path output, Map<String, Double> params) {

    TaskArguments {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
