package io.rightsize.common.order;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalLong;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads an image's format and dimensions from its header, so huge or fake images are refused before decoding. */
public final class ImageProbe {

    /** The formats the tasks are written for; other ImageIO readers (TIFF, WBMP) are not exposed to untrusted files. */
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "bmp", "gif");

    private ImageProbe() {
    }

    /**
     * The pixel count (width x height) from the image's header, without decoding it; empty when the file is not a
     * readable image of a supported format.
     */
    public static OptionalLong pixels(Path file) {
        try {
            return OptionalLong.of(probe(file, 0).pixels());
        } catch (OrderValidationException e) {
            return OptionalLong.empty();
        }
    }

    static ImageInfo probe(Path file, long fileBytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new OrderValidationException("image", "cannot be read");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase();
                if (!FORMATS.contains(format)) {
                    throw notAnImage();
                }
                reader.setInput(in, true, true);
                return new ImageInfo(format, reader.getWidth(0), reader.getHeight(0), fileBytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OrderValidationException refused) {
                throw refused;
            }
            throw new OrderValidationException("image", "is not a readable image: " + e.getMessage());
        }
    }

    private static OrderValidationException notAnImage() {
        return new OrderValidationException("image", "is not an image (PNG, JPEG, BMP or GIF expected)");
    }
}
