package io.rightsize.fx.viewmodel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's worker threads: daemon threads, so a closed window never waits on a stuck call. */
public final class Background {

    private Background() {
    }

    public static ExecutorService newExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "rightsize-fx-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
