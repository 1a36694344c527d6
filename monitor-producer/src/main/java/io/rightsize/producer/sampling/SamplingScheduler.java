package io.rightsize.producer.sampling;

import io.quarkus.runtime.ShutdownEvent;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.kubernetes.PodProbe;
import io.rightsize.producer.messaging.SamplePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "task-sampler"));
    private final Map<Long, ScheduledFuture<?>> sampling = new ConcurrentHashMap<>();

    public SamplingScheduler(Instance<LocalProcessProbe> local, Instance<PodProbe> pods, SamplePublisher publisher,
                             ProducerConfig config) {
        this.probe = config.mode() == ProbeMode.KUBERNETES ? pods.get() : local.get();
        this.publisher = publisher;
        this.intervalMillis = config.interval().toMillis();
        this.attachTimeoutMillis = config.kubernetes().attachTimeout().toMillis();
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    public void start(TaskEvent started) {
        Follow follow = new Follow(started);
        sampling.computeIfAbsent(started.taskId(), id ->
                timer.scheduleAtFixedRate(() -> tick(follow), 0, intervalMillis, TimeUnit.MILLISECONDS));
    }

    public void stop(long taskId) {
        ScheduledFuture<?> future = sampling.remove(taskId);
        if (future != null) {
            future.cancel(false);
            LOG.debugf("stopped sampling task %d", taskId);
        }
    }

    public int sampledTasks() {
        return sampling.size();
    }

    private void tick(Follow follow) {
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
            samples.forEach(publisher::publish);
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

    /** One followed task: its probe's source and sampler once attached. Only the timer thread touches them. */
    private static final class Follow {
        final TaskEvent task;
        final long since = System.currentTimeMillis();
        TaskSource source;
        TaskSampler sampler;

        Follow(TaskEvent task) {
            this.task = task;
        }
    }
}
