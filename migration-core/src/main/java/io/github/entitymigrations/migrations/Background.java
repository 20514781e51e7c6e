package io.github.entitymigrations.migrations;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work started on a thread of its own, for the caller to take when it needs it: what {@code generate} and
 * {@code check} read side by side (the entity snapshot while the history is read and validated), on machines where a
 * cold JVM spends most of such a run interpreting code one core at a time. The work runs with the caller's
 * {@link Advice}, so its messages are worded for the same front end; what it throws, {@link #join()} throws as it is.
 * A result nobody takes is dropped: the thread is a daemon and holds no lock.
 */
final class Background<T> {

    private final FutureTask<T> task;

    private Background(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} now, on a new daemon thread named {@code name}. */
    static <T> Background<T> start(String name, Supplier<T> work) {
        Advice advice = Advice.current();
        FutureTask<T> task = new FutureTask<>(() -> {
            try (Advice.InUse ignored = advice.use()) {
                return work.get();
            }
        });
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Background<>(task);
    }

    /** The work's result, waiting for it if need be; what the work threw is thrown here as it is. */
    T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the work is short and bounded: finish waiting, then restore the flag
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
