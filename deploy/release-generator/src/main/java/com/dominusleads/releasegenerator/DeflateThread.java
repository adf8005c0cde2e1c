package com.dominusleads.releasegenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.ZipOutputStream;

/**
 * Compresses on a second thread: the generator fills row buffers, this thread deflates and writes them, in the order
 * handed over (so the bytes are the same as written inline). Deflating is half the work, and this halves the time on
 * two cores. A bounded pool of buffers bounds memory (each open file holds one, the rest are in flight): when the
 * deflater is behind, the generator waits for a buffer.
 */
final class DeflateThread implements AutoCloseable {

    /** Enough for the 31 files open at once plus 32 in flight: 6 MB. */
    private static final int MAX_BUFFERS = 96;

    private record Task(ZipOutputStream zip, byte[] buffer, int length, boolean closeZip) {
    }

    private static final Task END = new Task(null, null, 0, false);

    private final BlockingQueue<Task> tasks = new ArrayBlockingQueue<>(MAX_BUFFERS + 64); // writes + closes + END
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(MAX_BUFFERS);
    private final int bufferSize;
    private int allocated; // only the generator's thread allocates
    private final Thread thread;
    private volatile IOException failure;
    private boolean ended;

    DeflateThread(int bufferSize) {
        this.bufferSize = bufferSize;
        thread = new Thread(this::run, "release-deflater");
        thread.setDaemon(true);
        thread.start();
    }

    /** An empty buffer to fill; waits while every buffer is taken or queued for deflating. */
    byte[] buffer() {
        checkFailure();
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated < MAX_BUFFERS) {
            allocated++;
            return new byte[bufferSize];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the release", e);
        }
    }

    /** Hands over {@code length} bytes of {@code buffer} for {@code zip}; the buffer comes back to the pool once written. */
    void write(ZipOutputStream zip, byte[] buffer, int length) {
        put(new Task(zip, buffer, length, false));
    }

    /** Closes the entry and the zip after everything handed over for it. */
    void close(ZipOutputStream zip) {
        put(new Task(zip, null, 0, true));
    }

    /** Waits until everything handed over is written; throws the first write error. */
    void finish() throws IOException {
        if (!ended) {
            ended = true;
            put(END);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the release", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            finish();
        } catch (IOException ignored) {
            // close() is the cleanup after another error; finish() reports write errors
        }
    }

    private void put(Task task) {
        checkFailure();
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the release", e);
        }
    }

    private void checkFailure() {
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    private void run() {
        while (true) {
            Task task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == END) {
                return;
            }
            // After a failure: no more writes, but keep draining (the generator never waits forever) and closing.
            if (failure == null || task.closeZip()) {
                try {
                    if (task.closeZip()) {
                        try {
                            if (failure == null) {
                                task.zip().closeEntry();
                            }
                        } finally {
                            task.zip().close();
                        }
                    } else {
                        task.zip().write(task.buffer(), 0, task.length());
                    }
                } catch (IOException e) {
                    failure = failure == null ? e : failure;
                } catch (RuntimeException e) {
                    failure = failure == null ? new IOException(e) : failure;
                }
            }
            if (task.buffer() != null) {
                free.add(task.buffer());
            }
        }
    }
}
