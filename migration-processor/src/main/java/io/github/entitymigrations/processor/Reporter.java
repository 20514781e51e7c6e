package io.github.entitymigrations.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The one place diagnostics are reported; remembers whether any error was. */
final class Reporter {

    private final Messager messager;
    private boolean errors;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void error(MappingException e) {
        errors = true;
        if (e.annotation() != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, e.getMessage(), e.element(), e.annotation());
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, e.getMessage(), e.element());
        }
    }

    /** An unexpected exception: one diagnostic on the element (if any) instead of a javac crash. */
    void internalError(Element element, RuntimeException e) {
        StringBuilder trace = new StringBuilder();
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(8, frames.length); i++) {
            trace.append("\n\tat ").append(frames[i]);
        }
        errors = true;
        // Without an element (the snapshot made from every entity, or written at the end) there is no entity to name.
        String message = element == null ? Message.INTERNAL_ERROR_IN_SNAPSHOT.format(e)
                : Message.INTERNAL_ERROR.format(element, e);
        messager.printMessage(Diagnostic.Kind.ERROR, message + trace, element);
    }

    /** A mapping that works but may not do what its author meant; the snapshot is still written. */
    void warning(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.MANDATORY_WARNING, message, element);
    }

    /**
     * What a file manager's failure says, for a message. javac wraps what a file manager throws unchecked in an
     * exception of its own whose message is only the cause printed: such a wrapper (one that adds nothing to its
     * cause) is skipped for the cause's own message; any other exception says what it says.
     */
    static String fileProblem(Exception e) {
        Throwable cause = e.getCause();
        Throwable told = cause != null && cause.toString().equals(e.getMessage()) ? cause : e;
        return told.getMessage() != null ? told.getMessage() : told.toString();
    }

    void error(String message) {
        errors = true;
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    void warning(String message) {
        messager.printMessage(Diagnostic.Kind.MANDATORY_WARNING, message);
    }

    void note(String message) {
        messager.printMessage(Diagnostic.Kind.NOTE, message);
    }

    boolean hadErrors() {
        return errors;
    }
}
