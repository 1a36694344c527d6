package io.rightsize.tasks.ops;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * The memory-heavy task: Lanczos-3 resampling in two passes, holding the source, the half-resampled and the
 * resampled image as float planes for all three channels at once, so memory grows with the square of the scale.
 * It resamples linear light, so fine bright-dark detail does not darken when averaged.
 */
public final class LanczosResizeOp implements ImageOperation {

    @Override
    public BufferedImage apply(BufferedImage in, Map<String, Double> params) {
        double scale = ParamValues.number(params, "scale");
        RgbPlanes source = RgbPlanes.of(in, Light.LINEAR);
        int width = source.width();
        int height = source.height();
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        LanczosWeights columns = LanczosWeights.forAxis(width, targetWidth);
        LanczosWeights rows = LanczosWeights.forAxis(height, targetHeight);

        RgbPlanes wide = RgbPlanes.blank(targetWidth, height, Light.LINEAR);
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            resampleRows(source.channel(c), wide.channel(c), width, targetWidth, height, columns);
        }
        RgbPlanes result = RgbPlanes.blank(targetWidth, targetHeight, Light.LINEAR);
        for (int c = 0; c < RgbPlanes.CHANNELS; c++) {
            resampleColumns(wide.channel(c), result.channel(c), targetWidth, targetHeight, rows);
        }
        return result.toImage();
    }

    private static void resampleRows(float[] in, float[] out, int width, int targetWidth, int height,
                                     LanczosWeights columns) {
        for (int y = 0; y < height; y++) {
            int inRow = y * width;
            int outRow = y * targetWidth;
            for (int x = 0; x < targetWidth; x++) {
                int[] indices = columns.indices(x);
                float[] weights = columns.weights(x);
                float sum = 0;
                for (int k = 0; k < indices.length; k++) {
                    sum += in[inRow + indices[k]] * weights[k];
                }
                out[outRow + x] = sum;
            }
        }
    }

    private static void resampleColumns(float[] in, float[] out, int width, int targetHeight, LanczosWeights rows) {
        for (int y = 0; y < targetHeight; y++) {
            int[] indices = rows.indices(y);
            float[] weights = rows.weights(y);
            int outRow = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0;
                for (int k = 0; k < indices.length; k++) {
                    sum += in[indices[k] * width + x] * weights[k];
                }
                out[outRow + x] = sum;
            }
        }
    }
}
