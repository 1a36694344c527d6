package io.rightsize.producer.sampling;

import io.quarkus.runtime.ShutdownEvent;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.kubernetes.PodProbe;
import io.rightsize.producer.messaging.SamplePublisher;
import io.rightsize.producer.metrics.ProducerMetrics;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Samples every running task at a fixed rate from the moment its STARTED event arrives until its end event arrives
 * or it is gone. A task pod that is not running yet is looked for again on every tick, up to the attach timeout.
 */
@ApplicationScoped
public class SamplingScheduler {

    private static final Logger LOG = Logger.getLogger(SamplingScheduler.class);

    private final TaskProbe probe;
    private final SamplePublisher publisher;
    private final long intervalMillis;
    private final long attachTimeoutMillis;
    /**
     * A few threads, so one slow read (a /proc or cgroup read blocked on I/O) or a burst of tasks due at the same instant
     * does not delay every other task's sample; one task's ticks never overlap (fixed rate).
     */
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(
            Math.max(2, 2 * Runtime.getRuntime().availableProcessors()), new SamplerThreads());
    private final Map<Long, Follow> sampling = new ConcurrentHashMap<>();
    /** A task that ended this long before this process started may have been followed by the previous instance. */
    private static final long PREDECESSOR_GRACE_MILLIS = 60_000;
    private final long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    /** Tasks this process has sampled, so replayed events (after a rebalance) do not count them as unsampled. */
    private final Set<Long> attachedTasks = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
            return size() > 100_000;
        }
    });

    public SamplingScheduler(Instance<LocalProcessProbe> local, Instance<PodProbe> pods, SamplePublisher publisher,
                             ProducerConfig config, ProducerMetrics metrics) {
        this.probe = config.mode() == ProbeMode.KUBERNETES ? pods.get() : local.get();
        this.publisher = publisher;
        this.intervalMillis = config.interval().toMillis();
        this.attachTimeoutMillis = config.kubernetes().attachTimeout().toMillis();
        metrics.sampledTasks(this::sampledTasks);
    }

    /**
     * Before the publisher closes its queue ({@code SamplePublisher#onStop} observes after this): no tick is
     * scheduled any more and a tick under way finishes, so its samples are queued rather than counted lost.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Starts following a task; throws for an event naming a process that is no task, so it is dead-lettered. */
    public void start(TaskEvent started) {
        probe.refusal(started).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        if (timer.isShutdown()) {
            // A valid event, so not dead-lettered: when the task ends, the next instance records its run as a gap.
            LOG.infof("shutting down: task %d (order %s) is left to the next instance", started.taskId(),
                    started.orderId());
            return;
        }
        try {
            sampling.computeIfAbsent(started.taskId(), id -> {
                Follow follow = new Follow(started);
                follow.future = timer.scheduleAtFixedRate(() -> tick(follow), 0, intervalMillis,
                        TimeUnit.MILLISECONDS);
                return follow;
            });
        } catch (RejectedExecutionException e) {
            LOG.infof("shutting down: task %d (order %s) is left to the next instance", started.taskId(),
                    started.orderId());
        }
    }

    public void stop(long taskId) {
        Follow follow = sampling.remove(taskId);
        if (follow != null) {
            finish(follow);
            LOG.debugf("stopped sampling task %d", taskId);
        }
    }

    /**
     * Stops the follow for good and, if it sampled the task, publishes the task's last record after its last tick
     * (a tick under way finishes first: both hold the follow's lock).
     */
    private void finish(Follow follow) {
        follow.future.cancel(false);
        synchronized (follow) {
            if (follow.finished) {
                return;
            }
            follow.finished = true;
            if (follow.source != null) {
                publisher.publishLast(follow.task);
            }
        }
    }

    /**
     * The task's end event: stops sampling it. A task of this host that no sampler of this process followed, and that
     * ended while this process was starting or shortly before (a crashed predecessor's watch), gets its whole run
     * recorded as a gap.
     */
    public void ended(TaskEvent end) {
        Follow follow = sampling.remove(end.taskId());
        if (follow != null) {
            finish(follow);
        }
        boolean followed;
        synchronized (attachedTasks) {
            followed = attachedTasks.contains(end.taskId());
        }
        if (followed || !probe.ranHere(end) || end.durationSeconds() == null
                || end.timestamp().toEpochMilli() < processStart - PREDECESSOR_GRACE_MILLIS) {
            return;
        }
        Instant to = end.timestamp();
        Instant from = to.minusMillis(Math.round(end.durationSeconds() * 1000));
        publisher.publish(new SamplingGap(end.orderId(), end.taskId(), end.service(), from, to,
                "no sampler followed the task: monitor-producer was down or restarting, or the task's start event"
                        + " arrived after it ended"));
        LOG.warnf("task %d (order %s) ran unsampled from %s to %s; recorded as a gap", end.taskId(), end.orderId(),
                from, to);
    }

    public int sampledTasks() {
        return sampling.size();
    }

    private void tick(Follow follow) {
        synchronized (follow) {
            if (!follow.finished) {
                sample(follow);
            }
        }
    }

    private void sample(Follow follow) {
        TaskEvent task = follow.task;
        try {
            if (follow.source == null && !attach(follow)) {
                return;
            }
            Optional<ProcessSnapshot> snapshot = follow.source.read();
            if (snapshot.isEmpty()) {
                stop(task.taskId());
                return;
            }
            List<UsageSample> samples = follow.sampler.next(snapshot.get());
            publisher.publishLater(samples);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("sampling task %d failed: %s", task.taskId(), e.getMessage());
        }
    }

    /** Whether the task can be sampled now; stops following it when it never will be. */
    private boolean attach(Follow follow) {
        TaskEvent task = follow.task;
        Attachment attachment = probe.attach(task);
        if (attachment instanceof Attachment.Attached attached) {
            follow.source = attached.source();
            follow.sampler = new TaskSampler(task, attached.source().origin());
            synchronized (attachedTasks) {
                attachedTasks.add(task.taskId());
            }
            long taskStart = attached.source().origin().wallMillis();
            long now = System.currentTimeMillis();
            if (now - taskStart > intervalMillis) {
                // The seconds before the first sample cannot be sampled any more: say so rather than leave a hole.
                String why = taskStart < processStart ? "monitor-producer started at "
                        + Instant.ofEpochMilli(processStart) + ", after the task"
                        : "the task's start event arrived " + (now - taskStart) + " ms after the task started";
                publisher.publish(new SamplingGap(task.orderId(), task.taskId(), task.service(),
                        Instant.ofEpochMilli(taskStart), Instant.ofEpochMilli(now), why));
                LOG.infof("task %d (order %s): no samples before %d ms after its start (%s)", task.taskId(),
                        task.orderId(), now - taskStart, why);
            }
            LOG.infof("sampling task %d %s (order %s) every %d ms, from %d ms after its start", task.taskId(),
                    task.service(), task.orderId(), intervalMillis,
                    System.currentTimeMillis() - task.timestamp().toEpochMilli());
            return true;
        }
        if (attachment instanceof Attachment.NotHere notHere) {
            LOG.debugf("task %d (order %s) is not sampled here: %s", task.taskId(), task.orderId(), notHere.why());
            stop(task.taskId());
        } else if (attachment instanceof Attachment.NotYet notYet
                && System.currentTimeMillis() - follow.since > attachTimeoutMillis) {
            LOG.warnf("task %d (order %s) given up after %d ms: %s", task.taskId(), task.orderId(),
                    attachTimeoutMillis, notYet.why());
            stop(task.taskId());
        }
        return false;
    }

    private static final class SamplerThreads implements java.util.concurrent.ThreadFactory {
        private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "task-sampler-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** One followed task: its probe's source and sampler once attached; only its own ticks touch them, one at a time. */
    private static final class Follow {
        final TaskEvent task;
        final long since = System.currentTimeMillis();
        ScheduledFuture<?> future;
        TaskSource source;
        TaskSampler sampler;
        /** Set once, under the follow's lock: no tick samples after it. */
        boolean finished;

        Follow(TaskEvent task) {
            this.task = task;
        }
    }
}
