package io.github.entitymigrations.processor;

import com.google.auto.service.AutoService;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads every JPA {@code @Entity} (jakarta or javax) and writes the schema snapshot
 * {@value #SNAPSHOT} to the class output once processing is over. Collects across rounds, never claims
 * annotations, and keeps an {@link EntityIndex} so that a partial recompilation still yields every entity.
 */
@AutoService(Processor.class)
public final class EntityMigrationsProcessor extends AbstractProcessor {

    /** Where the snapshot is written, relative to the class output. */
    public static final String SNAPSHOT = "META-INF/entity-migrations/schema.json";
    /** {@code jpa} or {@code spring}; by default {@code spring} when Spring Boot's strategies are on the classpath. */
    public static final String NAMING_OPTION = "migration.naming";
    /** {@code false} to ignore Bean Validation constraints, as {@code hibernate.validator.apply_to_ddl=false}. */
    public static final String BEAN_VALIDATION_OPTION = "migration.beanValidation";
    /** {@code true} as the application's {@code hibernate.auto_quote_keyword}: keyword names are quoted. */
    public static final String AUTO_QUOTE_KEYWORD_OPTION = "migration.autoQuoteKeyword";
    /** {@code true} as the application's {@code hibernate.globally_quoted_identifiers}: every name is quoted. */
    public static final String GLOBALLY_QUOTED_IDENTIFIERS_OPTION = "migration.globallyQuotedIdentifiers";
    /** {@code true} as {@code hibernate.globally_quoted_identifiers_skip_column_definitions}. */
    public static final String GLOBALLY_QUOTED_IDENTIFIERS_SKIP_COLUMN_DEFINITIONS_OPTION =
            "migration.globallyQuotedIdentifiersSkipColumnDefinitions";
    /** {@code 6.6}, {@code 7.2} or {@code 7.4}: the Hibernate whose schema to follow; by default detected. */
    public static final String HIBERNATE_OPTION = HibernateDetection.OPTION;

    private Reporter reporter;
    private EntityIndex index;
    /** The top-level types of every round, by name: {@link #collect} finds them and their nested types. */
    private final Set<String> topLevelTypes = new LinkedHashSet<>();
    /** Whether a type compiled now is in a named module: then lookups by name ask every module. */
    private boolean modular;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        reporter = new Reporter(processingEnv.getMessager());
        index = new EntityIndex(processingEnv);
        index.listen();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // Every round: an edited class that lost @Entity must leave the snapshot too.
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return ProcessorOptions.ALL;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                topLevelTypes.add(type.getQualifiedName().toString());
                if (!modular && TypeLookup.inNamedModule(processingEnv.getElementUtils(), type)) {
                    modular = true;
                }
            }
        }
        if (round.processingOver() && !topLevelTypes.isEmpty()) {
            try {
                // The snapshot's build reads each annotation once (Ann's caches, dropped when it is done).
                Ann.cached(topLevelTypes.size(), () -> {
                    TypeLookup lookup = TypeLookup.of(processingEnv, modular);
                    writeSnapshot(lookup, collect(lookup));
                    return null;
                });
            } catch (RuntimeException e) {
                reporter.internalError(null, e);
            }
        }
        return false;
    }

    /**
     * Notes the compiled types, among them the entities and auto-applied converters with their source files. Done
     * once, in the last round, on that round's symbols: javac enters the sources again for it, so reading the
     * members of the first round's (to find nested types) would complete classes that are thrown away.
     */
    private Compiled collect(TypeLookup lookup) {
        List<TypeElement> types = new ArrayList<>();
        for (String name : topLevelTypes) {
            TypeElement type = lookup.find(name);
            if (type != null) {
                addWithNested(type, types);
            }
        }
        Compiled compiled = new Compiled(new LinkedHashMap<>(), new HashMap<>(), new TreeMap<>());
        for (TypeElement type : types) {
            String name = Ann.qualifiedNameOf(type);
            compiled.types().put(name, type);
            if (EntityScanner.isEntity(type)) {
                compiled.entities().put(name, index.sourcePathOf(type));
            }
            if (isAutoApplyConverter(type)) {
                compiled.converters().put(name, index.sourcePathOf(type));
            }
        }
        return compiled;
    }

    /**
     * What this compilation compiles: its types by name, in the order found; its entities and auto-applied
     * converters, by name, to their source files.
     */
    private record Compiled(Map<String, TypeElement> types, Map<String, String> entities,
                            Map<String, String> converters) {
    }

    /** @param compiled what this compilation compiles, as {@link #collect} found it */
    private void writeSnapshot(TypeLookup lookup, Compiled compiled) {
        ProcessorOptions options = ProcessorOptions.read(processingEnv, lookup, reporter);
        if (options == null) {
            return;
        }
        HibernateDetection.Followed hibernate = HibernateDetection.resolve(processingEnv, lookup, reporter);
        if (hibernate == null) {
            return;
        }
        EntityIndex.Contents previous = index.read();
        Set<String> compiledTypes = compiled.types().keySet();
        Map<String, String> allEntities = index.carriedOver(previous.entities(), compiledTypes, lookup,
                EntityScanner::isEntity);
        boolean hintsKept = ProjectAnnotations.keptInClassFiles(lookup);
        if (!hintsSurvive(allEntities.keySet(), previous.hintsKept(), hintsKept)) {
            return;
        }
        allEntities.putAll(compiled.entities());
        Map<String, String> allConverters = index.carriedOver(previous.converters(), compiledTypes, lookup,
                EntityMigrationsProcessor::isAutoApplyConverter);
        allConverters.putAll(compiled.converters());
        if (allEntities.isEmpty() && previous.entities().isEmpty()) {
            return; // not a JPA project, or no entities yet: write nothing
        }
        List<TypeElement> types = new ArrayList<>();
        for (String name : allEntities.keySet()) {
            TypeElement type = compiled.types().get(name);
            types.add(type != null ? type : lookup.find(name));
        }
        if (options.note() != null) {
            reporter.note(options.note());
        }
        reporter.note(Message.FOLLOWING_HIBERNATE.format(hibernate.version().label(), hibernate.reason()));
        SchemaBuilder builder = new SchemaBuilder(processingEnv, options.naming(), options.beanValidation(),
                hibernate.version(), reporter,
                autoApplied(allConverters.keySet(), lookup));
        SchemaBuilder.Bound bound = builder.bind(types);
        if (reporter.hadErrors()) {
            return; // a wrong snapshot is worse than none: the build fails on the errors anyway
        }
        index.write(new EntityIndex.Contents(allEntities, allConverters, hintsKept));
        FileObject file = snapshotFile();
        if (file == null) {
            return;
        }
        // The records and their JSON need nothing of javac's: made beside the rest of the compilation where javac
        // says when it ends (written then, before javac returns), else now.
        boolean beside;
        try {
            beside = AtCompilationEnd.run(processingEnv, () -> SchemaJson.writeUtf8(bound.toSchema()),
                    json -> write(file, json), this::snapshotFailed);
        } catch (LinkageError e) {
            beside = false; // no com.sun.source in this compiler
        }
        if (!beside) {
            write(file, SchemaJson.writeUtf8(bound.toSchema()));
        }
    }

    /** The snapshot's records or JSON could not be made (on the thread that made them): as if made here. */
    private void snapshotFailed(Throwable e) {
        if (e instanceof RuntimeException r) {
            reporter.internalError(null, r);
        } else if (e instanceof Error error) {
            throw error;
        } else {
            reporter.internalError(null, new IllegalStateException(e));
        }
    }

    /**
     * False, with an error, when entities read from class files may have lost {@code @RenamedFrom} and
     * {@code @ServerDefault}: the snapshot would then turn a rename into a drop and add. A full
     * recompilation reads every entity from its source and is always fine.
     */
    private boolean hintsSurvive(Set<String> fromClassFiles, boolean previousKept, boolean keptNow) {
        if (!keptNow) {
            if (fromClassFiles.isEmpty()) {
                reporter.warning(Message.OLD_ANNOTATIONS.format("in a partial recompilation"));
                return true;
            }
            reporter.error(Message.OLD_ANNOTATIONS.format("now: " + describe(fromClassFiles)));
            return false;
        }
        if (!previousKept && !fromClassFiles.isEmpty()) {
            reporter.error(Message.HINTS_NOT_IN_CLASS_FILES.format(describe(fromClassFiles)));
            return false;
        }
        return true;
    }

    private static String describe(Set<String> names) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        return sorted.size() <= 3 ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, 3)) + " and " + (sorted.size() - 3) + " more";
    }

    private Map<String, TypeMirror> autoApplied(Set<String> converterNames, TypeLookup lookup) {
        Map<String, TypeMirror> result = new HashMap<>();
        for (String name : converterNames) {
            TypeElement converter = lookup.find(name);
            TypeMirror entityType = Converters.entityType(processingEnv.getTypeUtils(), converter.asType());
            TypeElement entityElement = entityType == null ? null
                    : (TypeElement) processingEnv.getTypeUtils().asElement(entityType);
            if (entityElement != null) {
                result.put(entityElement.getQualifiedName().toString(), Converters.databaseType(
                        processingEnv.getTypeUtils(), converter.asType()));
            }
        }
        return result;
    }

    static boolean isAutoApplyConverter(Element type) {
        Ann converter = Ann.jpa(type, "Converter");
        return converter != null && converter.bool("autoApply");
    }

    /** The snapshot's file, created now, while the processor runs; null with an error when it cannot be. */
    private FileObject snapshotFile() {
        try {
            return processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", SNAPSHOT);
        } catch (IOException | RuntimeException e) {
            snapshotNotWritten(e);
            return null;
        }
    }

    /**
     * Writes the snapshot's UTF-8 bytes as they are (a text of megabytes is not encoded into another copy). Whatever
     * the file manager throws, checked or not (a build tool's own file manager, a full disk), is an error naming the
     * file: nothing else runs here.
     */
    private void write(FileObject file, byte[] json) {
        try (OutputStream out = file.openOutputStream()) {
            out.write(json);
        } catch (IOException | RuntimeException e) {
            snapshotNotWritten(e);
        }
    }

    /** The file manager refused the snapshot's file (checked or not: a build tool's own, a full disk). */
    private void snapshotNotWritten(Exception e) {
        reporter.error("Cannot write " + SNAPSHOT + ": " + Reporter.fileProblem(e));
    }

    /** A type and every type nested in it. */
    private static void addWithNested(TypeElement type, List<TypeElement> result) {
        result.add(type);
        for (Element member : Ann.enclosedElementsOf(type)) {
            if (member instanceof TypeElement nested) {
                addWithNested(nested, result);
            }
        }
    }

}
