package io.rightsize.orchestrator.runner;

import io.rightsize.tasks.ExitRecord;
import java.nio.file.Path;

/**
 * The files of one task in its order's directory, named in this one place: its output image, its log, and the exit
 * record its process leaves, which a restarted orchestrator finds again from the stored output path alone.
 */
public record LocalTaskFiles(Path output, Path log, Path exitRecord) {

    /** {@code 00-blur.png}, {@code 00-blur.log}, {@code 00-blur.exit}. */
    public static LocalTaskFiles of(Path orderDir, int position, String service) {
        return ofOutput(orderDir.resolve(String.format("%02d-%s.png", position, service)));
    }

    public static LocalTaskFiles ofOutput(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return new LocalTaskFiles(output, output.resolveSibling(stem + ".log"), ExitRecord.beside(output));
    }
}
