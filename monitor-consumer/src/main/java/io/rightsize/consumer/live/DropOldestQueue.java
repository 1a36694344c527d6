package io.rightsize.consumer.live;

import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * A bounded queue that, when full, makes room for a new item by dropping its oldest one: a watcher that falls behind
 * loses its own oldest samples instead of failing, or growing without bound. Synchronized: storage offers while the
 * watcher's transport polls.
 */
final class DropOldestQueue<T> extends AbstractQueue<T> {

    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final int capacity;
    private final Runnable onDrop;

    DropOldestQueue(int capacity, Runnable onDrop) {
        this.capacity = capacity;
        this.onDrop = onDrop;
    }

    @Override
    public synchronized boolean offer(T item) {
        if (items.size() == capacity) {
            items.poll();
            onDrop.run();
        }
        return items.offer(item);
    }

    @Override
    public synchronized T poll() {
        return items.poll();
    }

    @Override
    public synchronized T peek() {
        return items.peek();
    }

    @Override
    public synchronized int size() {
        return items.size();
    }

    @Override
    public synchronized void clear() {
        items.clear();
    }

    /** Not used by the processor that drains this queue; a snapshot, so it cannot race with offers. */
    @Override
    public synchronized Iterator<T> iterator() {
        return new ArrayDeque<>(items).iterator();
    }
}
