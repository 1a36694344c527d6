package io.rightsize.tasks.catalog;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The single list of tasks this module can run, shared by the task runner and by order validation. */
public final class TaskCatalog {

    private static final List<TaskDefinition> ALL = List.of(
            new TaskDefinition("grayscale",
                    "Converts to gray using luminance computed in linear light, so brightness is preserved.",
                    Profile.LIGHT, List.of(passes(24))),
            new TaskDefinition("blur",
                    "Gaussian blur with a full two-dimensional kernel; cost grows with the square of the radius.",
                    Profile.CPU_HEAVY, List.of(
                            new ParamSpec("radius", "Kernel radius in pixels.", 1, 50, 8, true))),
            new TaskDefinition("sharpen",
                    "Unsharp mask: adds back the difference between the image and a Gaussian-blurred copy.",
                    Profile.LIGHT, List.of(
                            new ParamSpec("amount", "How much of the detail to add back.", 0, 5, 1.5, false),
                            new ParamSpec("radius", "Radius of the blur that defines detail, in pixels.",
                                    1, 20, 4, true),
                            passes(5))),
            new TaskDefinition("resize",
                    "Lanczos-3 resampling; keeps full floating-point copies of the image while it works.",
                    Profile.MEMORY_HEAVY, List.of(
                            new ParamSpec("scale", "Factor applied to width and height.", 0.1, 4, 2.5, false)),
                    OutputSize.SCALED),
            new TaskDefinition("rotate",
                    "Bicubic rotation counter-clockwise; the canvas grows to fit and the corners are transparent.",
                    Profile.LIGHT, List.of(
                            new ParamSpec("degrees", "Angle, counter-clockwise.", -360, 360, 30, false),
                            passes(2)),
                    OutputSize.ROTATED),
            new TaskDefinition("sobel",
                    "Sobel edge magnitude on luminance, as a gray image.",
                    Profile.LIGHT, List.of(
                            new ParamSpec("threshold", "Magnitudes below this become black.", 0, 255, 0, false),
                            passes(32))),
            new TaskDefinition("median",
                    "Median filter per channel; removes speckle noise while keeping edges.",
                    Profile.CPU_HEAVY, List.of(
                            new ParamSpec("radius", "Window radius in pixels; the window is square.", 1, 8, 3, true))));

    private static final Set<String> NAMES = collectNames();

    private TaskCatalog() {
    }

    /** Every task, in documented order. */
    public static List<TaskDefinition> all() {
        return ALL;
    }

    /** The task with exactly this (lower-case) name, if there is one. */
    public static Optional<TaskDefinition> find(String name) {
        return ALL.stream().filter(task -> task.name().equals(name)).findFirst();
    }

    /** The names of all tasks, in documented order. */
    public static Set<String> names() {
        return NAMES;
    }

    /**
     * The light tasks take between a tenth of a second and a second per pass on the sample images; repeating them
     * stretches a run to the few seconds a once-a-second monitor needs to see a profile.
     */
    private static ParamSpec passes(int defaultPasses) {
        return new ParamSpec("passes", "Times the computation is repeated; the output does not change.",
                1, 100, defaultPasses, true);
    }

    private static Set<String> collectNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TaskDefinition task : ALL) {
            if (!names.add(task.name())) {
                throw new IllegalStateException("duplicate task name '" + task.name() + "'");
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
