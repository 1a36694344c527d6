package io.rightsize.cli.bench;

import java.io.Reader;
import java.util.function.LongFunction;

/** CSV rows for COPY, made as they are read, so millions of rows never sit in memory at once. */
final class GeneratedCsv extends Reader {

    private final long rows;
    private final LongFunction<String> row;
    private long next;
    private String pending = "";
    private int offset;

    /** {@code row} gives line {@code i} (0-based), newline included. */
    GeneratedCsv(long rows, LongFunction<String> row) {
        this.rows = rows;
        this.row = row;
    }

    @Override
    public int read(char[] buffer, int off, int len) {
        if (offset >= pending.length()) {
            if (next >= rows) {
                return -1;
            }
            StringBuilder b = new StringBuilder(64 * 512);
            for (int i = 0; i < 512 && next < rows; i++, next++) {
                b.append(row.apply(next));
            }
            pending = b.toString();
            offset = 0;
        }
        int n = Math.min(len, pending.length() - offset);
        pending.getChars(offset, offset + n, buffer, off);
        offset += n;
        return n;
    }

    @Override
    public void close() {
    }
}
