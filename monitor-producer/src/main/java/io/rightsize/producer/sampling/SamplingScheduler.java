package io.rightsize.producer.sampling;

import io.quarkus.runtime.ShutdownEvent;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.messaging.SamplePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
 * Samples every running task at a fixed rate from the moment its STARTED event arrives until its end event
 * arrives or its process is gone.
 */
@ApplicationScoped
public class SamplingScheduler {

    private static final Logger LOG = Logger.getLogger(SamplingScheduler.class);

    private final ProcessProbe probe;
    private final SamplePublisher publisher;
    private final long intervalMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "task-sampler"));
    private final Map<Long, ScheduledFuture<?>> sampling = new ConcurrentHashMap<>();

    public SamplingScheduler(ProcessProbe probe, SamplePublisher publisher, ProducerConfig config) {
        this.probe = probe;
        this.publisher = publisher;
        this.intervalMillis = config.interval().toMillis();
    }

    void onStop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    public void start(TaskEvent started) {
        Optional<Long> processStart = TaskSampler.checkSameProcess(started, probe.startMillis(started.pid()));
        if (processStart.isEmpty()) {
            LOG.debugf("task %d (order %s): process %d is gone or is another process; not sampled",
                    started.taskId(), started.orderId(), started.pid());
            return;
        }
        TaskSampler sampler = new TaskSampler(started, processStart.get());
        sampling.computeIfAbsent(started.taskId(), id -> {
            LOG.infof("sampling task %d %s (order %s, pid %d) every %d ms, from %d ms after its start", id,
                    started.service(), started.orderId(), started.pid(), intervalMillis,
                    System.currentTimeMillis() - started.timestamp().toEpochMilli());
            return timer.scheduleAtFixedRate(() -> sampleOnce(sampler), 0, intervalMillis, TimeUnit.MILLISECONDS);
        });
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

    private void sampleOnce(TaskSampler sampler) {
        TaskEvent task = sampler.task();
        try {
            Optional<ProcessSnapshot> snapshot = probe.read(task.pid());
            if (snapshot.isEmpty()) {
                stop(task.taskId());
                return;
            }
            List<UsageSample> samples = sampler.next(snapshot.get());
            samples.forEach(publisher::publish);
        } catch (RuntimeException e) {
            LOG.warnf("sampling task %d failed: %s", task.taskId(), e.getMessage());
        }
    }
}
