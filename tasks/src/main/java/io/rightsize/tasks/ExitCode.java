package io.rightsize.tasks;

/** Process exit codes, fixed so the orchestrator can tell a bad order from a bad file from a crash. */
public enum ExitCode {
    /** The output image was written. */
    SUCCESS(0),
    /** Anything unexpected. */
    FAILURE(1),
    /** Bad command line: unknown task, missing option, invalid parameter. */
    USAGE(2),
    /** The input is unreadable, not an image or too large, or the output cannot be written. */
    IMAGE_IO(3),
    /** The task ran out of memory: its heap limit, set from the allocation, was too small. */
    OUT_OF_MEMORY(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The numeric process exit status. */
    public int code() {
        return code;
    }
}
