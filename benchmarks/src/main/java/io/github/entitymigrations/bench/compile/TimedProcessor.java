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
 */
final class TimedProcessor implements Processor {

    private final Processor delegate;
    private long nanos;

    TimedProcessor(Processor delegate) {
        this.delegate = delegate;
    }

    /** The milliseconds spent inside the processor so far. */
    double millis() {
        return nanos / 1e6;
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
        long start = System.nanoTime();
        try {
            delegate.init(processingEnv);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        long start = System.nanoTime();
        try {
            return delegate.process(annotations, roundEnv);
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                         ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }
}
