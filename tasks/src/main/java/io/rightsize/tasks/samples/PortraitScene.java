package io.rightsize.tasks.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/** A stylised head-and-shoulders portrait on a bokeh background: smooth skin shading, hair strands, soft lights. */
final class PortraitScene {

    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private PortraitScene() {
    }

    static BufferedImage paint(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = Canvas.blank(width, height);
        paintBackground(image, new ValueNoise(seed));
        Graphics2D g = Canvas.graphics(image);
        paintBokeh(g, width, height, random);
        double cx = width / 2.0;
        double headY = height * 0.38;
        double headW = width * 0.40;
        double headH = headW * 1.3;
        paintShoulders(g, cx, headY + headH * 0.55, width, height);
        paintHairBack(g, cx, headY, headW, headH);
        paintFace(g, cx, headY, headW, headH);
        paintHairStrands(g, cx, headY, headW, headH, random);
        g.dispose();
        Canvas.grain(image, random, 0.08, 5);
        return image;
    }

    private static void paintBackground(BufferedImage image, ValueNoise noise) {
        Color top = new Color(24, 70, 78);
        Color bottom = new Color(70, 34, 66);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                double t = (double) y / image.getHeight() + 0.25 * (noise.fractal(x / 400.0, y / 400.0, 3) - 0.5);
                image.setRGB(x, y, Canvas.mix(top, bottom, t).getRGB());
            }
        }
    }

    /** Out-of-focus lights: soft discs with a brighter rim fading out. */
    private static void paintBokeh(Graphics2D g, int width, int height, Random random) {
        Color[] tints = {new Color(255, 214, 140), new Color(160, 220, 255), new Color(255, 170, 200)};
        for (int i = 0; i < 45; i++) {
            float radius = 25 + random.nextInt(70);
            float x = random.nextInt(width);
            float y = random.nextInt(height);
            Color tint = tints[random.nextInt(tints.length)];
            Color glow = new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 40 + random.nextInt(60));
            g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), radius, new float[] {0f, 0.85f, 1f},
                    new Color[] {glow, glow.brighter(), TRANSPARENT}, CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Float(x - radius, y - radius, 2 * radius, 2 * radius));
        }
    }

    private static void paintShoulders(Graphics2D g, double cx, double neckY, int width, int height) {
        Color skin = new Color(214, 160, 128);
        g.setColor(skin.darker());
        g.fill(new Rectangle2D.Double(cx - width * 0.07, neckY - 40, width * 0.14, height * 0.16));
        GeneralPath jacket = new GeneralPath();
        jacket.moveTo(cx - width * 0.55, height);
        jacket.curveTo(cx - width * 0.5, neckY + 180, cx - width * 0.3, neckY + 120, cx - width * 0.09, neckY + 90);
        jacket.lineTo(cx, neckY + 260);
        jacket.lineTo(cx + width * 0.09, neckY + 90);
        jacket.curveTo(cx + width * 0.3, neckY + 120, cx + width * 0.5, neckY + 180, cx + width * 0.55, height);
        jacket.closePath();
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - width * 0.2, neckY + 150), width * 0.7f,
                new float[] {0f, 1f}, new Color[] {new Color(70, 96, 150), new Color(18, 26, 52)}));
        g.fill(jacket);
        g.setColor(new Color(236, 232, 224));
        GeneralPath collar = new GeneralPath();
        collar.moveTo(cx - width * 0.09, neckY + 90);
        collar.lineTo(cx, neckY + 260);
        collar.lineTo(cx + width * 0.09, neckY + 90);
        collar.lineTo(cx, neckY + 150);
        collar.closePath();
        g.fill(collar);
    }

    private static void paintHairBack(Graphics2D g, double cx, double cy, double w, double h) {
        g.setColor(new Color(48, 30, 22));
        g.fill(new Ellipse2D.Double(cx - w * 0.62, cy - h * 0.58, w * 1.24, h * 1.05));
    }

    private static void paintFace(Graphics2D g, double cx, double cy, double w, double h) {
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx - w * 0.15, cy - h * 0.15), (float) (h * 0.7),
                new float[] {0f, 0.6f, 1f},
                new Color[] {new Color(246, 204, 172), new Color(220, 164, 130), new Color(150, 98, 76)}));
        g.fill(new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h));

        for (int side = -1; side <= 1; side += 2) {
            double ex = cx + side * w * 0.2;
            double ey = cy - h * 0.05;
            g.setPaint(new RadialGradientPaint(new Point2D.Double(ex, ey + h * 0.2), (float) (w * 0.16),
                    new float[] {0f, 1f}, new Color[] {new Color(236, 120, 120, 90), TRANSPARENT}));
            g.fill(new Ellipse2D.Double(ex - w * 0.16, ey + h * 0.04, w * 0.32, w * 0.32));
            g.setColor(new Color(250, 248, 244));
            g.fill(new Ellipse2D.Double(ex - w * 0.09, ey - w * 0.04, w * 0.18, w * 0.08));
            g.setColor(new Color(70, 110, 90));
            g.fill(new Ellipse2D.Double(ex - w * 0.04, ey - w * 0.04, w * 0.08, w * 0.08));
            g.setColor(new Color(14, 14, 16));
            g.fill(new Ellipse2D.Double(ex - w * 0.018, ey - w * 0.018, w * 0.036, w * 0.036));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(ex - w * 0.025, ey - w * 0.03, w * 0.015, w * 0.015));
            g.setColor(new Color(60, 38, 28));
            g.setStroke(new BasicStroke((float) (w * 0.025), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new QuadCurve2D.Double(ex - w * 0.11, ey - h * 0.06, ex, ey - h * 0.1, ex + w * 0.11,
                    ey - h * 0.065));
        }
        g.setColor(new Color(170, 112, 90));
        g.setStroke(new BasicStroke((float) (w * 0.012), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Double(cx - w * 0.02, cy + h * 0.02, cx - w * 0.07, cy + h * 0.15, cx + w * 0.03,
                cy + h * 0.16));
        GeneralPath lips = new GeneralPath();
        lips.moveTo(cx - w * 0.14, cy + h * 0.27);
        lips.quadTo(cx, cy + h * 0.22, cx + w * 0.14, cy + h * 0.27);
        lips.quadTo(cx, cy + h * 0.34, cx - w * 0.14, cy + h * 0.27);
        lips.closePath();
        g.setColor(new Color(184, 84, 88));
        g.fill(lips);
    }

    /** Fringe and loose strands in slightly varied browns, the fine detail sharpen and sobel react to. */
    private static void paintHairStrands(Graphics2D g, double cx, double cy, double w, double h, Random random) {
        GeneralPath fringe = new GeneralPath();
        fringe.moveTo(cx - w * 0.55, cy);
        fringe.curveTo(cx - w * 0.62, cy - h * 0.8, cx + w * 0.62, cy - h * 0.8, cx + w * 0.55, cy - h * 0.05);
        fringe.curveTo(cx + w * 0.4, cy - h * 0.4, cx - w * 0.05, cy - h * 0.36, cx - w * 0.55, cy);
        fringe.closePath();
        g.setColor(new Color(58, 36, 26));
        g.fill(fringe);
        for (int i = 0; i < 220; i++) {
            int side = random.nextBoolean() ? 1 : -1;
            double angle = Math.PI * (0.1 + 0.4 * random.nextDouble());
            double startX = cx + side * Math.cos(angle) * w * 0.5;
            double startY = cy - Math.sin(angle) * h * 0.52;
            double endX = cx + side * w * (0.46 + 0.14 * random.nextDouble());
            double endY = cy + h * (0.05 + 0.35 * random.nextDouble());
            double bulge = side * w * (0.1 + 0.1 * random.nextDouble());
            int shade = random.nextInt(40);
            g.setColor(new Color(70 + shade, 44 + shade / 2, 30 + shade / 3, 150));
            g.setStroke(new BasicStroke(1.5f + random.nextFloat() * 2f));
            // The control point sits outside both ends so each strand arcs away from the face, not across it.
            double controlX = (side > 0 ? Math.max(startX, endX) : Math.min(startX, endX)) + bulge;
            g.draw(new QuadCurve2D.Double(startX, startY, controlX, (startY + endY) / 2, endX, endY));
        }
    }
}
