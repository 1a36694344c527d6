package io.rightsize.cli.prometheus;

import java.io.IOException;

/** Prometheus could not be asked, or did not answer with usage: the message says what to check. */
public final class PrometheusException extends IOException {

    public PrometheusException(String message) {
        super(message);
    }
}
