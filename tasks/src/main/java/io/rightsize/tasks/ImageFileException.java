package io.rightsize.tasks;

/** An image file could not be read or written; separated from other failures because it has its own exit code. */
final class ImageFileException extends Exception {

    private static final long serialVersionUID = 1L;

    ImageFileException(String message) {
        super(message);
    }

    ImageFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
