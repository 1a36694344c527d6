package io.rightsize.producer.sampling;

/** What a probe found for a started task: its counters, not yet (a pod still starting), or not on this host. */
public sealed interface Attachment {

    record Attached(TaskSource source) implements Attachment {
    }

    record NotYet(String why) implements Attachment {
    }

    record NotHere(String why) implements Attachment {
    }
}
