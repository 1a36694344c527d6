package io.rightsize.tasks.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** A night skyline over a river: many hard-edged lit windows, a moon and reflections with ripples. */
final class CityScene {

    private CityScene() {
    }

    static BufferedImage paint(int width, int height, long seed) {
        Random random = new Random(seed);
        ValueNoise noise = new ValueNoise(seed);
        BufferedImage image = Canvas.blank(width, height);
        int waterline = (int) (height * 0.74);
        paintSky(image, waterline, random);
        Graphics2D g = Canvas.graphics(image);
        paintMoon(g, width * 0.8, height * 0.16, height * 0.07, noise);
        for (int row = 0; row < 3; row++) {
            paintSkylineRow(g, width, waterline, row, random);
        }
        g.dispose();
        paintRiver(image, waterline, noise);
        Canvas.grain(image, random, 0.08, 6);
        return image;
    }

    private static void paintSky(BufferedImage image, int waterline, Random random) {
        Color top = new Color(8, 10, 34);
        Color glow = new Color(92, 58, 104);
        for (int y = 0; y < waterline; y++) {
            int rgb = Canvas.mix(top, glow, Math.pow((double) y / waterline, 2.2)).getRGB();
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, rgb);
            }
        }
        for (int i = 0; i < 500; i++) {
            int x = random.nextInt(image.getWidth());
            int y = random.nextInt(waterline / 2);
            int v = 150 + random.nextInt(106);
            image.setRGB(x, y, new Color(v, v, Math.min(255, v + 20)).getRGB());
        }
    }

    private static void paintMoon(Graphics2D g, double cx, double cy, double r, ValueNoise noise) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) (r * 3), new float[] {0.3f, 1f},
                new Color[] {new Color(200, 200, 230, 70), new Color(0, 0, 0, 0)}, CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(cx - r * 3, cy - r * 3, r * 6, r * 6));
        g.setColor(new Color(236, 232, 214));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        for (int i = 0; i < 9; i++) {
            double angle = i * 2.4;
            double distance = r * 0.6 * noise.at(i * 3.1, 7.7);
            double craterR = r * (0.08 + 0.15 * noise.at(i * 1.7, 2.3));
            double x = cx + Math.cos(angle) * distance;
            double y = cy + Math.sin(angle) * distance;
            g.setColor(new Color(196, 192, 178));
            g.fill(new Ellipse2D.Double(x - craterR, y - craterR, 2 * craterR, 2 * craterR));
        }
    }

    /** One row of buildings; farther rows are taller, bluer and dimmer, so the skyline has depth. */
    private static void paintSkylineRow(Graphics2D g, int width, int waterline, int row, Random random) {
        double nearness = row / 2.0;
        int x = -random.nextInt(40);
        while (x < width) {
            int buildingWidth = 60 + random.nextInt(110);
            int buildingHeight = (int) (waterline * (0.55 - 0.15 * nearness) * (0.35 + 0.65 * random.nextDouble()));
            int top = waterline - buildingHeight;
            int shade = 22 + random.nextInt(22);
            Color wall = Canvas.mix(new Color(shade + 30, shade + 32, shade + 60), new Color(shade, shade, shade + 8),
                    nearness);
            g.setColor(wall);
            g.fillRect(x, top, buildingWidth, buildingHeight);
            if (random.nextInt(4) == 0) {
                g.fillRect(x + buildingWidth / 2 - 2, top - 50, 4, 50);
                g.setColor(new Color(255, 60, 60));
                g.fillOval(x + buildingWidth / 2 - 4, top - 56, 8, 8);
            }
            paintWindows(g, x, top, buildingWidth, buildingHeight, nearness, random);
            x += buildingWidth + random.nextInt(14);
        }
    }

    private static void paintWindows(Graphics2D g, int left, int top, int width, int height, double nearness,
                                     Random random) {
        int size = 6 + (int) (4 * nearness);
        int gap = size + 5;
        double litChance = 0.25 + 0.2 * random.nextDouble();
        Color warm = Canvas.mix(new Color(170, 150, 110), new Color(255, 214, 130), nearness);
        Color cool = Canvas.mix(new Color(110, 140, 170), new Color(170, 220, 255), nearness);
        Color lit = random.nextBoolean() ? warm : cool;
        for (int y = top + 8; y + size < top + height - 6; y += gap) {
            for (int x = left + 6; x + size < left + width - 6; x += gap) {
                if (random.nextDouble() < litChance) {
                    g.setColor(Canvas.mix(lit, Color.WHITE, random.nextDouble() * 0.3));
                    g.fillRect(x, y, size, size + 2);
                }
            }
        }
    }

    /** The river mirrors the skyline with sideways ripples, darkening with distance from the bank. */
    private static void paintRiver(BufferedImage image, int waterline, ValueNoise noise) {
        int width = image.getWidth();
        int height = image.getHeight();
        Color deep = new Color(6, 10, 22);
        for (int y = waterline; y < height; y++) {
            int mirrored = Math.max(0, 2 * waterline - y - 1);
            double distance = (double) (y - waterline) / (height - waterline);
            for (int x = 0; x < width; x++) {
                int ripple = (int) Math.round((noise.at(x / 40.0, y / 3.0 + 100) - 0.5) * (6 + 40 * distance));
                int sx = Math.max(0, Math.min(width - 1, x + ripple));
                Color reflected = new Color(image.getRGB(sx, mirrored));
                image.setRGB(x, y, Canvas.mix(reflected, deep, 0.35 + 0.45 * distance).getRGB());
            }
        }
    }
}
