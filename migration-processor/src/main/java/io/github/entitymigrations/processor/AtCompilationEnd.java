package io.github.entitymigrations.processor;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Work that needs no compiler state, run on a thread of its own while javac goes on compiling, its result taken
 * on javac's thread when the compilation ends (javac's {@code COMPILATION} task event, fired before the compiler
 * returns and before it counts its errors). javac compiles on one thread, so on a machine with a core to spare
 * this takes the snapshot's serialization off the compilation's time.
 *
 * <p>Only where javac itself says when the compilation ends: another compiler, a build tool that wraps the
 * processing environment, or a tool that drives javac's phases itself has no such event, and the caller then does
 * the work at once, as before.
 * Kept apart from the processor so that loading the processor never needs {@code com.sun.source}.
 */
final class AtCompilationEnd {

    /** The thread's name, for a thread dump taken during a build. */
    static final String THREAD = "entity-migrations-snapshot";

    private AtCompilationEnd() {
    }

    /**
     * Starts {@code work} on a thread of its own and hands its result to {@code then} on javac's thread when the
     * compilation ends, or what either threw to {@code failed} (also on javac's thread, where diagnostics are
     * reported; javac counts them before it returns).
     *
     * @return false, with nothing started, when the running compiler cannot tell when the compilation ends
     */
    static <T> boolean run(ProcessingEnvironment env, Supplier<T> work, Consumer<T> then,
                           Consumer<Throwable> failed) {
        JavacTask task;
        try {
            task = JavacTask.instance(env);
        } catch (IllegalArgumentException | LinkageError e) {
            return false; // not javac's own environment, or no com.sun.source (another compiler)
        }
        if (!insideCompile()) {
            return false;
        }
        FutureTask<T> job = new FutureTask<>(work::get);
        task.addTaskListener(new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() != TaskEvent.Kind.COMPILATION) {
                    return;
                }
                try {
                    then.accept(await(job));
                } catch (Throwable e) {
                    failed.accept(e);
                }
            }
        });
        Thread thread = new Thread(job, THREAD);
        thread.setDaemon(true); // never keeps a JVM alive: the listener waits for it
        thread.start();
        return true;
    }

    /**
     * Whether javac runs this processor from {@code JavaCompiler.compile}, whose {@code finally} fires the
     * {@code COMPILATION} event: a whole compilation ({@code javac}, {@code CompilationTask.call()}, Maven, Gradle).
     * Tools that drive javac's phases themselves (its staged {@code JavacTask.enter()}/{@code analyze()}, or
     * kapt) process annotations without that method and never fire the event: the work is then done at once.
     */
    private static boolean insideCompile() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("compile")
                && f.getClassName().equals("com.sun.tools.javac.main.JavaCompiler")));
    }

    /** The job's result, waiting for it; what it threw, as it was thrown. */
    private static <T> T await(FutureTask<T> job) throws Throwable {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return job.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the result is needed all the same: wait on, and say so after
                } catch (ExecutionException e) {
                    throw e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
