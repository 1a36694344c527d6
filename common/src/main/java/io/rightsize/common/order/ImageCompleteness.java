package io.rightsize.common.order;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that an image file reaches its format's end marker without decoding pixels, so a truncated upload is
 * refused at submission instead of failing the first task.
 */
final class ImageCompleteness {

    /** Encoders and cameras may pad a JPEG after its end marker; this much trailing data is tolerated. */
    private static final int JPEG_TRAILER_BYTES = 1024;
    private static final int PNG_IDAT = 0x49444154;
    private static final int PNG_IEND = 0x49454e44;

    private ImageCompleteness() {
    }

    static void check(Path file, ImageInfo info) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            boolean complete = switch (info.format()) {
                case "png" -> pngReachesIend(channel);
                case "jpeg" -> jpegHasEndMarker(channel);
                case "gif" -> lastByte(channel) == 0x3b;
                case "bmp" -> bmpHoldsDeclaredSize(channel);
                default -> true;
            };
            if (!complete) {
                throw new OrderValidationException("image", "is truncated or corrupt: its " + info.format()
                        + " data ends before the format's end marker");
            }
        } catch (IOException e) {
            throw new OrderValidationException("image", "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Walks chunk headers (length, type) from after the signature, one small read per chunk: pixel data (IDAT) must
     * come before the end chunk (IEND), so a header alone claiming any size is refused too.
     */
    private static boolean pngReachesIend(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        long position = 8;
        boolean pixelData = false;
        ByteBuffer header = ByteBuffer.allocate(8);
        while (position + 12 <= size) {
            header.clear();
            channel.position(position);
            if (readFully(channel, header) < 8) {
                return false;
            }
            long length = Integer.toUnsignedLong(header.getInt(0));
            int type = header.getInt(4);
            if (type == PNG_IEND) {
                return pixelData && position + 12 + length <= size;
            }
            pixelData |= type == PNG_IDAT;
            position += 12 + length;
        }
        return false;
    }

    private static boolean jpegHasEndMarker(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        int tail = (int) Math.min(size - 2, JPEG_TRAILER_BYTES);
        if (tail < 2) {
            return false;
        }
        ByteBuffer bytes = ByteBuffer.allocate(tail);
        channel.position(size - tail);
        readFully(channel, bytes);
        for (int i = bytes.position() - 2; i >= 0; i--) {
            if ((bytes.get(i) & 0xff) == 0xff && (bytes.get(i + 1) & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
    }

    private static int lastByte(SeekableByteChannel channel) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.position(channel.size() - 1);
        return readFully(channel, last) == 1 ? last.get(0) & 0xff : -1;
    }

    /** The file header's declared size (0 means unset, allowed by the format) must fit in the file. */
    private static boolean bmpHoldsDeclaredSize(SeekableByteChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(0);
        if (readFully(channel, header) < 14) {
            return false;
        }
        long declared = Integer.toUnsignedLong(header.getInt(2));
        long pixelOffset = Integer.toUnsignedLong(header.getInt(10));
        return declared <= channel.size() && pixelOffset < channel.size();
    }

    private static int readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        int read;
        do {
            read = channel.read(buffer);
        } while (read > 0 && buffer.hasRemaining());
        return buffer.position();
    }
}
