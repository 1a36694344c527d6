package io.rightsize.tasks;

/** The command line cannot be acted on; its message is shown to the user as is. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
