package io.rightsize.producer.cgroup;

import io.rightsize.producer.sampling.NetworkCounters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A network namespace's counters from {@code /proc/PID/net/dev} of any process in it: receive bytes are the first
 * column after the interface name, transmit bytes the ninth. Loopback is left out, traffic within the pod.
 */
public final class NetDev {

    private NetDev() {
    }

    public static NetworkCounters read(Path netDev) throws IOException {
        return parse(Files.readAllLines(netDev, StandardCharsets.US_ASCII), netDev);
    }

    static NetworkCounters parse(List<String> lines, Path source) throws IOException {
        long received = 0;
        long transmitted = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the two header lines
            }
            String iface = line.substring(0, colon).strip();
            String[] fields = line.substring(colon + 1).strip().split("\\s+");
            if (fields.length < 16) {
                throw new IOException(source + ": expected 16 counters for " + iface + ", got " + fields.length);
            }
            if (iface.equals("lo")) {
                continue;
            }
            try {
                received += Long.parseLong(fields[0]);
                transmitted += Long.parseLong(fields[8]);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": not a counter on " + iface, e);
            }
        }
        return new NetworkCounters(received, transmitted);
    }
}
