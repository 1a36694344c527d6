package io.rightsize.tasks.ops;

import io.rightsize.tasks.catalog.TaskCatalog;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/** Small deterministic images and catalog-resolved parameters for the operation tests. */
final class TestImages {

    static final int WIDTH = 96;
    static final int HEIGHT = 64;

    private TestImages() {
    }

    /** Uniformly random opaque pixels from a fixed seed. */
    static BufferedImage noise(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static BufferedImage constant(int rgb) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /** The task's parameters as the task runner would pass them: validated, defaults filled in. */
    static Map<String, Double> params(String task, Map<String, Double> given) {
        return TaskCatalog.find(task).orElseThrow().resolveParams(given);
    }

    static Map<String, Double> defaults(String task) {
        return params(task, Map.of());
    }

    /** Number of pixels whose RGB differs (alpha ignored). */
    static int differingPixels(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Largest difference of any channel of any pixel from the given colour. */
    static int maxDeviation(BufferedImage image, int rgb) {
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    max = Math.max(max, Math.abs(((p >> shift) & 0xFF) - ((rgb >> shift) & 0xFF)));
                }
            }
        }
        return max;
    }

    static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    static int green(int argb) {
        return (argb >> 8) & 0xFF;
    }

    static int blue(int argb) {
        return argb & 0xFF;
    }
}
