package io.rightsize.common.order;

/** What an image's header says, read without decoding its pixels. */
public record ImageInfo(String format, int width, int height, long fileBytes) {
    public long pixels() {
        return (long) width * height;
    }
}
