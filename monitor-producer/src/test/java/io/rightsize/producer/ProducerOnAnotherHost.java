package io.rightsize.producer;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Not a test of its own (its name is outside surefire's patterns): the whole monitor-producer application, started by
 * {@link ProducerProcess} in a JVM of its own with another host's settings, and kept running until its standard input
 * closes or the JVM is killed.
 */
@QuarkusTest
class ProducerOnAnotherHost {

    @Test
    void runsUntilStandardInputCloses() throws IOException {
        while (System.in.read() != -1) {
            // Nothing is said on standard input: its end is the signal to stop.
        }
    }
}
