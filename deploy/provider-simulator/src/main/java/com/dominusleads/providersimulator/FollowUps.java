package com.dominusleads.providersimulator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What happens after a send, played in order on a virtual thread of its own: each step waits for its time, then runs
 * (posts a status, a reply…). One thread per send keeps a send's webhooks in order (sent before delivered before the
 * reply) while different sends proceed independently. A reset or close cancels whatever has not run yet.
 */
final class FollowUps {

    /** One step: run {@code action} {@code atMillis} after the sequence started. */
    record Step(long atMillis, Runnable action) {
    }

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger held = new AtomicInteger();
    private final Object idle = new Object();

    /**
     * Counts follow-ups about to be started (an answer is being written, and its follow-ups start once it is), so that
     * a caller who has its answer never sees the simulator idle before they start; {@link #release()} when started.
     */
    void hold() {
        held.incrementAndGet();
    }

    void release() {
        held.decrementAndGet();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** Starts playing {@code steps} (in their order; times not increasing are run at once). */
    void play(String name, List<Step> steps) {
        if (steps.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        Thread thread = Thread.ofVirtual().name("follow-up-" + name).unstarted(() -> {
            try {
                for (Step step : steps) {
                    long wait = step.atMillis() - (System.nanoTime() - start) / 1_000_000;
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    try {
                        step.action().run();
                    } catch (RuntimeException e) {
                        // one step failing (a webhook with no secret to sign it…) does not stop the others
                        System.err.println("provider simulator: follow-up " + name + " failed: " + e.getMessage());
                    }
                }
            } catch (InterruptedException e) {
                // cancelled
            } finally {
                running.remove(Thread.currentThread());
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        });
        running.add(thread);
        thread.start();
    }

    /** How many sequences have steps still to run. */
    int pending() {
        return running.size() + held.get();
    }

    /** Waits until no sequence has steps left; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!running.isEmpty() || held.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /** Cancels every step not yet run (a step running now finishes). */
    void cancelAll() {
        running.forEach(Thread::interrupt);
    }
}
