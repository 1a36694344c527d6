package io.rightsize.cli.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PodOwnerTest {

    @Test
    void stripsTheSuffixEachControllerAppends() {
        assertEquals("api", PodOwner.of("api-7d9f8b6c5d-x2k4p"), "Deployment: ReplicaSet hash and random suffix");
        assertEquals("ts-order-service", PodOwner.of("ts-order-service-5c8d7f9b4-q7w2z"));
        assertEquals("report", PodOwner.of("report-28463520-zq8xk"), "CronJob: scheduled minute and random suffix");
        assertEquals("node-agent", PodOwner.of("node-agent-k8s2x"), "DaemonSet or Job: random suffix");
        assertEquals("db", PodOwner.of("db-0"), "StatefulSet: ordinal");
        assertEquals("kafka-broker", PodOwner.of("kafka-broker-12"));
    }

    @Test
    void keepsANameWithoutAGeneratedSuffix() {
        assertEquals("standalone", PodOwner.of("standalone"));
        // "backend" has vowels: never generated, so it is the name, not a suffix.
        assertEquals("my-backend", PodOwner.of("my-backend"));
        assertEquals("web-abcde", PodOwner.of("web-abcde"));
    }
}
