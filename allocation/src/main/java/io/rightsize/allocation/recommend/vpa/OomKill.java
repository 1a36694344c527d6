package io.rightsize.allocation.recommend.vpa;

/**
 * An OOM kill for VPA to learn from ({@code model/container.go}, RecordOOM): when, and the memory request the
 * container had then (give its limit or its usage at the kill where it had no request).
 *
 * @param timestampSeconds when it was killed, Unix seconds
 * @param requestBytes     its memory request at the kill, in bytes, positive
 */
public record OomKill(long timestampSeconds, double requestBytes) {

    public OomKill {
        if (!(requestBytes > 0) || Double.isInfinite(requestBytes)) {
            throw new IllegalArgumentException("an OOM kill's memory request must be finite and positive, got "
                    + requestBytes);
        }
    }
}
