package io.github.entitymigrations.bench.compile;

import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A processor run as javac runs it, with the time javac spends inside it (its {@code init} and every
 * {@code process} call) counted: that processor's own work, apart from what javac does around any processor.
 * Both the elapsed time and the CPU time of javac's thread: on a machine whose cores are all busy (javac's thread
 * and the JIT's compiler threads) the elapsed time includes waiting for a core.
 */
final class TimedProcessor implements Processor {

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private final Processor delegate;
    private long nanos;
    private long cpuNanos;

    TimedProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    /** The milliseconds spent inside the processor so far. */
    double millis() {
        return nanos / 1e6;
    }

    /** The CPU milliseconds javac's thread spent inside the processor so far (NaN where the JVM cannot tell). */
    double cpuMillis() {
        return cpuNanos < 0 ? Double.NaN : cpuNanos / 1e6;
    }

    private static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private void count(long start, long cpuStart) {
        nanos += System.nanoTime() - start;
        long cpu = cpuNow();
        cpuNanos = cpu < 0 || cpuStart < 0 || cpuNanos < 0 ? -1 : cpuNanos + cpu - cpuStart;
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment processingEnv) {
        long cpuStart = cpuNow();
        long start = System.nanoTime();
        try {
            delegate.init(processingEnv);
        } finally {
            count(start, cpuStart);
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        long cpuStart = cpuNow();
        long start = System.nanoTime();
        try {
            return delegate.process(annotations, roundEnv);
        } finally {
            count(start, cpuStart);
        }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                         ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }
}
