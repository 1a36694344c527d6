package io.rightsize.tasks.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.util.Random;

/** Mountains at sunset over a lake with a meadow in front: broad gradients plus fine natural texture. */
final class LandscapeScene {

    private static final Color SKY_TOP = new Color(28, 52, 120);
    private static final Color SKY_HORIZON = new Color(250, 176, 112);
    private static final Color CLOUD = new Color(255, 226, 214);
    private static final Color[] RIDGE_FAR = {
        new Color(150, 130, 160), new Color(104, 102, 140), new Color(62, 84, 96), new Color(38, 66, 50)};
    private static final Color[] RIDGE_NEAR = {
        new Color(196, 160, 170), new Color(140, 120, 150), new Color(90, 104, 96), new Color(60, 92, 58)};

    private LandscapeScene() {
    }

    static BufferedImage paint(int width, int height, long seed) {
        ValueNoise noise = new ValueNoise(seed);
        Random random = new Random(seed);
        BufferedImage image = Canvas.blank(width, height);
        int horizon = (int) (height * 0.66);
        int[] above = new int[width * horizon];
        for (int y = 0; y < horizon; y++) {
            for (int x = 0; x < width; x++) {
                above[y * width + x] = land(x, y, width, horizon, noise);
            }
        }
        image.setRGB(0, 0, width, horizon, above, 0, width);
        paintLake(image, above, horizon, noise);
        paintMeadow(image, noise, random);
        Canvas.grain(image, random, 0.08, 6);
        return image;
    }

    /** Sky, clouds, sun glow and four mountain ridges, each ridge lighter and bluer the farther it is. */
    private static int land(int x, int y, int width, int horizon, ValueNoise noise) {
        for (int layer = RIDGE_FAR.length - 1; layer >= 0; layer--) {
            double base = horizon * (0.45 + 0.18 * layer);
            double peak = ridged(noise, x / (620.0 - 110 * layer) + 17 * layer, 3.7 * layer);
            double ridge = base - horizon * (0.42 - 0.09 * layer) * peak;
            if (y >= ridge) {
                double depth = (y - ridge) / (horizon - ridge + 1);
                double texture = noise.fractal(x / 45.0 + 40 * layer, y / 30.0, 4);
                Color rock = Canvas.mix(RIDGE_NEAR[layer], RIDGE_FAR[layer], depth * 0.8 + texture * 0.4);
                double snowLine = (peak - 0.55) * 160 * texture;
                if (layer == 0 && y - ridge < snowLine) {
                    rock = Canvas.mix(rock, Color.WHITE, 0.8);
                }
                return rock.getRGB();
            }
        }
        Color sky = Canvas.mix(SKY_TOP, SKY_HORIZON, Math.pow((double) y / horizon, 1.6));
        double dx = x - width * 0.68;
        double dy = y - horizon * 0.62;
        double sun = Math.exp(-(dx * dx + dy * dy) / (2 * 90.0 * 90.0));
        sky = Canvas.mix(sky, new Color(255, 244, 200), sun * 1.6);
        double cloud = noise.fractal(x / 260.0, y / 60.0 + 50, 5);
        double cover = Math.max(0, cloud - 0.52) * 3.5 * (1 - (double) y / horizon);
        return Canvas.mix(sky, CLOUD, cover).getRGB();
    }

    /** Ridged fractal noise in 0..1: folding the noise at its midpoint turns smooth hills into sharp crests. */
    private static double ridged(ValueNoise noise, double x, double y) {
        return 1 - Math.abs(2 * noise.fractal(x, y, 6) - 1);
    }

    /** The lake mirrors what is above the horizon, darkened, with ripples that shift rows sideways. */
    private static void paintLake(BufferedImage image, int[] above, int horizon, ValueNoise noise) {
        int width = image.getWidth();
        int shore = (int) (image.getHeight() * 0.86);
        for (int y = horizon; y < shore; y++) {
            int mirrored = Math.max(0, 2 * horizon - y - 1);
            double distance = (double) (y - horizon) / (shore - horizon);
            for (int x = 0; x < width; x++) {
                int ripple = (int) Math.round((noise.at(x / 90.0, y / 4.0 + 300) - 0.5) * (4 + 26 * distance));
                int sx = Math.max(0, Math.min(width - 1, x + ripple));
                Color reflected = new Color(above[mirrored * width + sx]);
                image.setRGB(x, y, Canvas.mix(reflected, new Color(20, 44, 70), 0.25 + 0.35 * distance).getRGB());
            }
        }
    }

    /** Foreground grass with a wavy shoreline and a few conifers. */
    private static void paintMeadow(BufferedImage image, ValueNoise noise, Random random) {
        int width = image.getWidth();
        int height = image.getHeight();
        Color grassFar = new Color(92, 122, 52);
        Color grassNear = new Color(44, 78, 30);
        for (int x = 0; x < width; x++) {
            int shore = (int) (height * 0.86 - 40 * noise.fractal(x / 300.0, 900, 4));
            for (int y = shore; y < height; y++) {
                double blade = noise.fractal(x / 3.0, y / 14.0 + 500, 3);
                Color grass = Canvas.mix(grassFar, grassNear, (double) (y - shore) / (height - shore) + blade * 0.3);
                image.setRGB(x, y, grass.getRGB());
            }
        }
        Graphics2D g = Canvas.graphics(image);
        for (int i = 0; i < 14; i++) {
            int x = random.nextInt(width);
            int base = (int) (height * 0.9) + random.nextInt(height / 12);
            int treeHeight = 90 + random.nextInt(120);
            int halfWidth = treeHeight / 5;
            g.setColor(new Color(18, 40 + random.nextInt(20), 24));
            for (int tier = 0; tier < 3; tier++) {
                int top = base - treeHeight + tier * treeHeight / 4;
                int bottom = top + treeHeight / 2;
                int spread = halfWidth * (tier + 2) / 3;
                g.fillPolygon(new Polygon(new int[] {x, x - spread, x + spread}, new int[] {top, bottom, bottom}, 3));
            }
            g.setColor(new Color(60, 40, 26));
            g.fillRect(x - 4, base - treeHeight / 4, 8, treeHeight / 4);
        }
        g.dispose();
    }
}
