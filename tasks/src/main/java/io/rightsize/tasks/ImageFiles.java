package io.rightsize.tasks;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads and writes the task's image files, refusing oversized images before their pixels are decoded. */
final class ImageFiles {

    /** Largest accepted width × height; a small compressed file can declare far more (a decompression bomb). */
    static final long MAX_PIXELS = 50_000_000L;

    static {
        // Without this ImageIO buffers encoded output in temporary files; memory is what the tasks should show.
        ImageIO.setUseCache(false);
    }

    private ImageFiles() {
    }

    /**
     * Decodes the first image of a file in any format ImageIO knows.
     *
     * @throws ImageFileException if the file cannot be opened, is not an image, declares more than
     *                            {@link #MAX_PIXELS} pixels, or cannot be decoded
     */
    static BufferedImage read(Path file) throws ImageFileException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ImageFileException("cannot read input " + file + ": not a readable file");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            if (stream == null) {
                throw new ImageFileException("cannot read input " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new ImageFileException("input " + file + " is not an image in a supported format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImageFileException("input " + file + " declares " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " = " + pixels + " pixels, more than the limit of "
                            + MAX_PIXELS);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Decoders signal corrupt data with IIOException but also with unchecked exceptions.
            throw new ImageFileException("cannot decode input " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Encodes as PNG, replacing any existing file.
     *
     * @throws ImageFileException if the file cannot be created or written
     */
    static void writePng(BufferedImage image, Path file) throws ImageFileException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            if (!ImageIO.write(image, "png", out)) {
                throw new ImageFileException("no PNG encoder for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new ImageFileException("cannot write output " + file + ": " + e, e);
        }
    }
}
