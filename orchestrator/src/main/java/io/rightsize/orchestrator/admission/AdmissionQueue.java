package io.rightsize.orchestrator.admission;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The fit rule and the waiting line, without threads: tasks start in submission order while their requests fit
 * in what the running tasks leave free; a later, smaller task that fits may go ahead of one that does not
 * (backfill), but a task passed over {@code maxOvertakes} times holds everyone behind it until it has started, so
 * no large task waits for good. Not thread-safe: {@link Admission} guards it.
 */
final class AdmissionQueue {

    private final Demand capacity;
    private final int maxOvertakes;
    private final Map<Long, Demand> running = new LinkedHashMap<>();
    private final TreeSet<Waiter> waiting = new TreeSet<>(
            Comparator.comparingLong(Waiter::priority).thenComparingLong(Waiter::ticket));
    private long nextTicket = 1;

    AdmissionQueue(Demand capacity, int maxOvertakes) {
        if (capacity.cpuMillicores() <= 0 || capacity.memoryBytes() <= 0 || maxOvertakes < 0) {
            throw new IllegalArgumentException("a capacity above 0 and overtakes of at least 0, not " + capacity
                    + " and " + maxOvertakes);
        }
        this.capacity = capacity;
        this.maxOvertakes = maxOvertakes;
    }

    Demand capacity() {
        return capacity;
    }

    /** Why a task can never start here, with the numbers; empty when its requests fit the whole capacity. */
    Optional<String> refusal(Demand demand) {
        if (demand.fitsIn(capacity)) {
            return Optional.empty();
        }
        return Optional.of("refused before it started: it requests " + demand + ", more than the whole task"
                + " capacity of " + capacity + " (rightsize.orchestrator.capacity)");
    }

    /**
     * Puts a task in line; a lower {@code priority} (its order's submission number) goes first, a retry keeps its
     * order's place. Call {@link #admit()} next.
     */
    Waiter enqueue(String label, long priority, Demand demand) {
        Waiter w = new Waiter(nextTicket++, priority, label, demand);
        waiting.add(w);
        return w;
    }

    /** Starts every waiting task that may start now, in line order, and gives each one still waiting its reason. */
    List<Waiter> admit() {
        Demand free = free();
        List<Waiter> started = new ArrayList<>();
        List<Waiter> passed = new ArrayList<>();
        Waiter holding = null;
        for (Waiter w : List.copyOf(waiting)) {
            if (holding != null) {
                w.reason = "waits behind " + holding.label + ", passed over " + holding.overtaken
                        + " times and next to start (" + holding.reason + ")";
                continue;
            }
            if (w.demand.fitsIn(free)) {
                waiting.remove(w);
                running.put(w.ticket, w.demand);
                free = free.minus(w.demand);
                started.add(w);
                for (Waiter p : passed) {
                    p.overtaken++;
                    if (holding == null && p.overtaken >= maxOvertakes) {
                        holding = p;
                    }
                }
            } else {
                w.reason = w.demand.shortfall(free);
                passed.add(w);
                if (w.overtaken >= maxOvertakes) {
                    holding = w;
                }
            }
        }
        return started;
    }

    /** A started task ended: its requests are free again. Call {@link #admit()} next. */
    void release(Waiter started) {
        running.remove(started.ticket);
    }

    /** A waiting task gave up (its order was cancelled). Call {@link #admit()} next. */
    void withdraw(Waiter w) {
        waiting.remove(w);
    }

    boolean isRunning(Waiter w) {
        return running.containsKey(w.ticket);
    }

    Demand reserved() {
        return running.values().stream().reduce(Demand.NONE, Demand::plus);
    }

    Demand free() {
        return capacity.minus(reserved());
    }

    int runningCount() {
        return running.size();
    }

    int waitingCount() {
        return waiting.size();
    }

    /** A task in line, then running; {@code reason} says why it waits, {@code overtaken} how often it was passed. */
    static final class Waiter {
        private final long ticket;
        private final long priority;
        private final String label;
        private final Demand demand;
        private int overtaken;
        private String reason = "";

        private Waiter(long ticket, long priority, String label, Demand demand) {
            this.ticket = ticket;
            this.priority = priority;
            this.label = label;
            this.demand = demand;
        }

        long ticket() {
            return ticket;
        }

        long priority() {
            return priority;
        }

        String label() {
            return label;
        }

        Demand demand() {
            return demand;
        }

        int overtaken() {
            return overtaken;
        }

        String reason() {
            return reason;
        }
    }
}
