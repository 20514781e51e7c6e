package io.github.entitymigrations.processor;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The entities (and auto-applied converters) of the last compilation, kept beside the snapshot, so a
 * partial recompilation (IDE builds, {@code useIncrementalCompilation=false}) still sees every entity.
 * Each entry records its source file relative to the class output: an entry whose source is gone is
 * dropped even when its stale class file is still there.
 *
 * <p>The first line, {@value #HINTS_KEPT}, says the class files of the listed entities keep
 * {@code @RenamedFrom} and {@code @ServerDefault}; an index without it comes from an earlier build, whose
 * class files lost them.
 */
final class EntityIndex {

    static final String PATH = "META-INF/entity-migrations/entities.idx";
    static final String HINTS_KEPT = "V\thints-kept";

    /**
     * Qualified type name to source path (relative to the class output, or "" when unknown); whether the
     * entities' class files keep this project's annotations.
     */
    record Contents(Map<String, String> entities, Map<String, String> converters, boolean hintsKept) {
    }

    private final ProcessingEnvironment env;
    /** The class output directory, looked up once per compilation (it is asked for every compiled type). */
    private Path classOutput;
    private boolean classOutputKnown;
    private com.sun.source.util.Trees trees;
    /** See {@link #fileObjectOf()}. */
    private java.util.Optional<MethodHandle> fileObjectOf;
    /** By file-object class: whether its names are their paths ({@link #localPath}), as the first of it showed. */
    private final Map<Class<?>, Boolean> namedByPath = new java.util.HashMap<>();
    /** Source directories relative to the class output. */
    private final Map<Path, Path> relativeDirs = new java.util.HashMap<>();
    /**
     * Where the running javac has no {@code getFileObjectOf} (17): the compilation units javac entered, in order (see
     * {@link #listen}); else empty.
     */
    private final java.util.List<com.sun.source.tree.CompilationUnitTree> enteredUnits = new java.util.ArrayList<>();
    /**
     * Each entered unit's top-level class declarations, to the unit: made from {@link #enteredUnits} when first asked
     * (by identity: javac's tree objects), {@link #unitsIndexed} of them so far.
     */
    private Map<com.sun.source.tree.Tree, com.sun.source.tree.CompilationUnitTree> unitOfDeclaration;
    private int unitsIndexed;

    EntityIndex(ProcessingEnvironment env) {
        this.env = env;
    }

    /**
     * Where javac cannot tell a type's source file directly (Java 17), notes each compilation unit as javac enters
     * it. javac enters every source again before the last round, the one the index is made in, so every compiled
     * type's unit is there by then, found through the type's declaration ({@link #enteredUnit}): finding it through
     * {@code Trees.getPath} instead searches the unit's tree and leaves the search by throwing an {@code Error}, about
     * 10 µs a type. The listener only keeps the unit (it runs for every file of every compilation, entities or not).
     * Called from the processor's {@code init}; does nothing under another compiler or a wrapped environment (the
     * search is done then).
     */
    void listen() {
        if (fileObjectOf().isPresent()) {
            return;
        }
        try {
            com.sun.source.util.JavacTask.instance(env).addTaskListener(new com.sun.source.util.TaskListener() {
                @Override
                public void finished(com.sun.source.util.TaskEvent event) {
                    if (event.getKind() == com.sun.source.util.TaskEvent.Kind.ENTER
                            && event.getCompilationUnit() != null) {
                        enteredUnits.add(event.getCompilationUnit());
                    }
                }
            });
        } catch (IllegalArgumentException | LinkageError e) {
            // Not javac's own environment, or no com.sun.source: types are found through their trees, if at all.
        }
    }

    /** Whether the type's source file is known from the units javac entered (for tests). */
    boolean knownFromEnteredUnits(TypeElement type) {
        return enteredUnit(type) != null;
    }

    /**
     * The file javac entered the type's top-level type from, or null (none seen, or not Java 17): the unit holding
     * that type's declaration ({@code Trees.getTree}, which javac answers from what it entered, without a search).
     */
    private FileObject enteredUnit(TypeElement type) {
        if (enteredUnits.isEmpty()) {
            return null;
        }
        com.sun.source.tree.Tree declaration = trees().getTree(topLevel(type));
        if (declaration == null) {
            return null;
        }
        if (unitOfDeclaration == null) {
            unitOfDeclaration = new java.util.IdentityHashMap<>(enteredUnits.size() * 2);
        }
        for (; unitsIndexed < enteredUnits.size(); unitsIndexed++) {
            com.sun.source.tree.CompilationUnitTree unit = enteredUnits.get(unitsIndexed);
            for (com.sun.source.tree.Tree d : unit.getTypeDecls()) {
                unitOfDeclaration.put(d, unit);
            }
        }
        com.sun.source.tree.CompilationUnitTree unit = unitOfDeclaration.get(declaration);
        return unit == null ? null : unit.getSourceFile();
    }

    private com.sun.source.util.Trees trees() {
        if (trees == null) {
            trees = com.sun.source.util.Trees.instance(env);
        }
        return trees;
    }

    private static TypeElement topLevel(TypeElement type) {
        TypeElement top = type;
        while (top.getEnclosingElement() instanceof TypeElement outer) {
            top = outer;
        }
        return top;
    }

    Contents read() {
        Map<String, String> entities = new TreeMap<>();
        Map<String, String> converters = new TreeMap<>();
        boolean hintsKept = true; // no index: nothing is carried over
        try {
            FileObject file = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            String text = readText(file);
            hintsKept = text.startsWith(HINTS_KEPT + "\n");
            for (String line : text.split("\n")) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 3) {
                    (parts[0].equals("C") ? converters : entities).put(parts[1], parts[2]);
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // No index yet (first or clean build): nothing to carry over.
        }
        return new Contents(entities, converters, hintsKept);
    }

    /**
     * The index's text: UTF-8 as {@link #write} writes it, whatever the sources' encoding. An index that is not UTF-8
     * was written by an earlier version, through the Filer's {@code Writer} in the sources' encoding ({@code
     * -encoding}), which a processor cannot ask for: read as ISO-8859-1, the non-UTF-8 encoding projects use, so that
     * such entries still hold until the index is written again (in another encoding, a source directory named
     * outside ASCII is taken as gone, and its entities come back with the next full build).
     */
    private static String readText(FileObject file) throws IOException {
        byte[] bytes;
        try (java.io.InputStream in = file.openInputStream()) {
            bytes = in.readAllBytes();
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** The entries of the previous compilation that were not recompiled and still hold. */
    Map<String, String> carriedOver(Map<String, String> entries, Set<String> recompiled, TypeLookup lookup,
                                    Predicate<Element> stillHolds) {
        Path base = classOutput();
        Map<String, String> result = new TreeMap<>();
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String name = entry.getKey();
            String source = entry.getValue();
            boolean deleted = base != null && !source.isEmpty() && !Files.exists(base.resolve(source).normalize());
            TypeElement type = deleted || recompiled.contains(name) ? null : lookup.find(name);
            if (type != null && stillHolds.test(type)) {
                result.put(name, source);
            }
        }
        return result;
    }

    void write(Contents contents) {
        StringBuilder text = new StringBuilder(contents.hintsKept() ? HINTS_KEPT + "\n" : "");
        append(text, "E\t", contents.entities());
        append(text, "C\t", contents.converters());
        try {
            FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            // Bytes, not a Writer: the text is ASCII but for unusual paths, and String's UTF-8 encoding copies it as
            // it is, where a Writer's encoder goes through it a character at a time (run cold, once a build).
            try (java.io.OutputStream out = file.openOutputStream()) {
                out.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // Checked or not (a file manager's own exception), only this file is at stake.
            env.getMessager().printMessage(javax.tools.Diagnostic.Kind.WARNING,
                    "entity-migrations could not write " + PATH + " (" + Reporter.fileProblem(e)
                            + "); the next partial recompilation may miss entities");
        }
    }

    private static void append(StringBuilder text, String kind, Map<String, String> entries) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            text.append(kind).append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
    }

    /** The type's source file relative to the class output directory, or "" when not a local file. */
    String sourcePathOf(TypeElement type) {
        Path base = classOutput();
        if (base == null) {
            return "";
        }
        try {
            FileObject source = sourceFileOf(type);
            if (source == null || source instanceof javax.tools.JavaFileObject j
                    && j.getKind() != javax.tools.JavaFileObject.Kind.SOURCE) {
                return "";
            }
            Path file = localPath(source);
            if (file == null) {
                return "";
            }
            Path dir = file.getParent();
            // Sources share directories (a package's): each directory is made relative once.
            Path relativeDir = dir == null ? null : relativeDirs.computeIfAbsent(dir, base::relativize);
            Path relative = relativeDir == null ? base.relativize(file) : relativeDir.resolve(file.getFileName());
            return relative.toString().replace('\\', '/');
        } catch (RuntimeException | LinkageError e) {
            return ""; // not javac (or a wrapped environment): fall back to class lookups only
        }
    }

    /**
     * The local file a file object reads, or null when it is not one. Its URI says so; building and parsing one is
     * most of the time this index costs a build, so a file manager's file objects whose name is their path (javac's
     * own: the path as given) are read by name once the first of their class has been seen to name the file its URI
     * names.
     */
    private Path localPath(FileObject source) {
        Class<?> kind = source.getClass();
        Boolean byName = namedByPath.get(kind);
        if (byName == Boolean.TRUE) {
            return Path.of(source.getName()).toAbsolutePath();
        }
        URI uri = source.toUri();
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        Path file = Path.of(uri);
        if (byName == null) {
            boolean named;
            try {
                named = Path.of(source.getName()).toAbsolutePath().equals(file);
            } catch (RuntimeException e) {
                named = false; // a name that is no path: keep asking for URIs
            }
            namedByPath.put(kind, named);
        }
        return file;
    }

    /**
     * The file a type was read from: {@code Elements.getFileObjectOf} where the running javac has it (Java 18
     * and later: a field read), else the compilation unit javac entered its top-level type from ({@link #listen}),
     * else the compilation unit of the type's tree (a search of that unit's tree).
     */
    private FileObject sourceFileOf(TypeElement type) {
        if (fileObjectOf().isPresent()) {
            try {
                return (FileObject) fileObjectOf.get().invokeExact(env.getElementUtils(), (Element) type);
            } catch (Throwable e) {
                if (e instanceof Error error) {
                    throw error;
                }
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e);
            }
        }
        FileObject entered = enteredUnit(type);
        if (entered != null) {
            return entered;
        }
        com.sun.source.util.TreePath path = trees().getPath(type);
        return path == null ? null : path.getCompilationUnit().getSourceFile();
    }

    /** {@code Elements.getFileObjectOf}, where the running JDK has it (18 and later), looked up once. */
    private java.util.Optional<MethodHandle> fileObjectOf() {
        if (fileObjectOf == null) {
            fileObjectOf = findFileObjectOf();
        }
        return fileObjectOf;
    }

    private static java.util.Optional<MethodHandle> findFileObjectOf() {
        try {
            return java.util.Optional.of(MethodHandles.publicLookup().findVirtual(Elements.class, "getFileObjectOf",
                            MethodType.methodType(javax.tools.JavaFileObject.class, Element.class))
                    .asType(MethodType.methodType(FileObject.class, Elements.class, Element.class)));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return java.util.Optional.empty(); // Java 17
        }
    }

    private Path classOutput() {
        if (!classOutputKnown) {
            classOutput = findClassOutput();
            classOutputKnown = true;
        }
        return classOutput;
    }

    private Path findClassOutput() {
        try {
            FileObject probe = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            URI uri = probe.toUri();
            if (!"file".equals(uri.getScheme())) {
                return null;
            }
            Path indexFile = Path.of(uri);
            return indexFile.getParent().getParent().getParent();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
