package io.github.entitymigrations.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds a class-path or source type by name, as the code being compiled sees it, without asking every module.
 *
 * <p>{@link Elements#getTypeElement(CharSequence)} looks in every module of the compilation (with {@code --release},
 * the seventy-odd modules of the platform too) to tell a unique name from an ambiguous one. For a class that is not
 * there, such as Spring's naming strategy in a project without Spring or {@code org.hibernate.Version} without
 * hibernate-core, javac tries each module's packages: some 45 ms a name in a fresh compiler, a fifth of what the
 * processor may cost in all. The code of a class-path build (no {@code module-info.java}, as most Maven builds) is in
 * the unnamed module, which is where every class-path type is: asking that module alone finds the same types, at
 * once. A modular build, or a compiler without modules, asks as before.
 */
final class TypeLookup {

    private final Elements elements;
    /** The unnamed module, when the code compiled is there; {@code null} to ask every module. */
    private final ModuleElement unnamed;

    private TypeLookup(Elements elements, ModuleElement unnamed) {
        this.elements = elements;
        this.unnamed = unnamed;
    }

    /**
     * @param modular whether any type compiled now is in a named module
     */
    static TypeLookup of(ProcessingEnvironment env, boolean modular) {
        Elements elements = env.getElementUtils();
        ModuleElement unnamed = null;
        if (!modular) {
            try {
                ModuleElement m = elements.getModuleElement("");
                unnamed = m != null && m.isUnnamed() ? m : null;
            } catch (RuntimeException e) {
                unnamed = null; // a compiler without modules (source level 8) or its own rules: ask as before
            }
        }
        return new TypeLookup(elements, unnamed);
    }

    /** Whether {@code type} is in a named module (of a modular build). */
    static boolean inNamedModule(Elements elements, Element type) {
        try {
            ModuleElement m = elements.getModuleOf(type);
            return m != null && !m.isUnnamed();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The type of that canonical name on the class path or among the sources, or {@code null}. */
    TypeElement find(String name) {
        return unnamed != null ? elements.getTypeElement(unnamed, name) : elements.getTypeElement(name);
    }
}
