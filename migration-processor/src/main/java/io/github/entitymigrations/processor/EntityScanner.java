package io.github.entitymigrations.processor;

import java.beans.Introspector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Reads entity classes into {@link EntityInfo}: names, hierarchy, access type and attributes. */
final class EntityScanner {

    private final Types types;
    private final Map<String, EntityInfo> cache = new HashMap<>();
    /** The same entities by symbol, asked first: a type's qualified name is decoded anew on every call. */
    private final Map<TypeElement, EntityInfo> byType = new IdentityHashMap<>();
    /** {@link #hierarchyUsesFields} by hierarchy root. */
    private final Map<TypeElement, Boolean> usesFields = new IdentityHashMap<>();
    /** {@link #embeddableAttributes} by embeddable, for field and for property access. */
    private final Map<TypeElement, List<Attribute>> embeddableFields = new IdentityHashMap<>();
    private final Map<TypeElement, List<Attribute>> embeddableProperties = new IdentityHashMap<>();
    /** Each class's members split by kind, once. */
    private final Map<TypeElement, Members> members = new IdentityHashMap<>();

    /** A class's members, and its fields and methods, in declaration order. */
    private record Members(List<? extends Element> all, List<Element> fields, List<ExecutableElement> methods) {
    }

    private Members membersOf(TypeElement c) {
        Members known = members.get(c);
        if (known == null) {
            List<? extends Element> all = Ann.enclosedElementsOf(c);
            List<Element> fields = new ArrayList<>();
            List<ExecutableElement> methods = new ArrayList<>();
            for (Element e : all) {
                ElementKind kind = e.getKind();
                if (kind == ElementKind.FIELD || kind == ElementKind.ENUM_CONSTANT) {
                    fields.add(e);
                } else if (kind == ElementKind.METHOD) {
                    methods.add((ExecutableElement) e);
                }
            }
            known = new Members(all, fields, methods); // all: Ann's list, kept for the compilation, never changed
            members.put(c, known);
        }
        return known;
    }

    EntityScanner(ProcessingEnvironment env) {
        this.types = env.getTypeUtils();
    }

    static boolean isEntity(Element e) {
        return e instanceof TypeElement && Ann.hasJpa(e, "Entity");
    }

    static boolean isEmbeddable(Element e) {
        return e instanceof TypeElement && Ann.hasJpa(e, "Embeddable");
    }

    EntityInfo scan(TypeElement type) {
        EntityInfo known = byType.get(type);
        if (known != null) {
            return known;
        }
        known = cache.get(Ann.qualifiedNameOf(type));
        if (known != null) {
            byType.put(type, known);
            return known;
        }
        EntityInfo parent = null;
        Deque<TypeElement> ownChain = new ArrayDeque<>();
        ownChain.push(type);
        for (TypeElement s = superclass(type); s != null; s = superclass(s)) {
            if (isEntity(s)) {
                parent = scan(s);
                break;
            }
            if (Ann.hasJpa(s, "MappedSuperclass")) {
                Ann inheritance = Ann.jpa(s, "Inheritance");
                if (inheritance != null) {
                    throw new MappingException(s, inheritance.mirror(), Message.INHERITANCE_ON_MAPPED_SUPERCLASS,
                            s.getQualifiedName(), type.getSimpleName());
                }
                Ann superTable = Ann.jpa(s, "Table");
                if (superTable != null) {
                    throw new MappingException(s, superTable.mirror(), Message.TABLE_ON_MAPPED_SUPERCLASS,
                            s.getQualifiedName(), type.getSimpleName());
                }
                ownChain.push(s);
            }
        }
        Ann entity = Ann.jpa(type, "Entity");
        String entityName = entity.string("name").isEmpty() ? Ann.simpleNameOf(type) : entity.string("name");
        Ann table = Ann.jpa(type, "Table");
        Ident tableName = table == null || table.string("name").isEmpty() ? null : Ident.parse(table.string("name"));
        Ident schema = table == null || table.string("schema").isEmpty() ? null : Ident.parse(table.string("schema"));
        EntityInfo.Inheritance strategy = parent != null ? parent.strategy() : strategyOf(type);
        boolean fieldAccess = parent != null ? hierarchyUsesFields(parent.root().type()) : hierarchyUsesFields(type);
        List<Attribute> attributes = new ArrayList<>();
        DeclaredType asSeenFrom = (DeclaredType) type.asType();
        for (TypeElement c : ownChain) {
            attributes.addAll(attributesOf(c, asSeenFrom, fieldAccess));
        }
        EntityInfo info = new EntityInfo(type, entityName, tableName, schema, parent, strategy, List.copyOf(attributes),
                type.getModifiers().contains(Modifier.ABSTRACT));
        cache.put(info.qualifiedName(), info);
        byType.put(type, info);
        return info;
    }

    /** The attributes of an embeddable (and its mapped or embeddable superclasses), as seen from its use. */
    List<Attribute> embeddableAttributes(TypeElement embeddable, boolean ownerUsesFields) {
        Map<TypeElement, List<Attribute>> known = ownerUsesFields ? embeddableFields : embeddableProperties;
        List<Attribute> attributes = known.get(embeddable);
        if (attributes == null) {
            attributes = List.copyOf(readEmbeddableAttributes(embeddable, ownerUsesFields));
            known.put(embeddable, attributes);
        }
        return attributes;
    }

    private List<Attribute> readEmbeddableAttributes(TypeElement embeddable, boolean ownerUsesFields) {
        Deque<TypeElement> chain = new ArrayDeque<>();
        chain.push(embeddable);
        for (TypeElement s = superclass(embeddable); s != null; s = superclass(s)) {
            if (Ann.hasJpa(s, "MappedSuperclass") || Ann.hasJpa(s, "Embeddable")) {
                chain.push(s);
            }
        }
        List<Attribute> result = new ArrayList<>();
        for (TypeElement c : chain) {
            result.addAll(attributesOf(c, (DeclaredType) embeddable.asType(), ownerUsesFields));
        }
        return result;
    }

    /** JPA's default access: explicit {@code @Access} on the root, else where the id is annotated. */
    boolean hierarchyUsesFields(TypeElement root) {
        Boolean known = usesFields.get(root);
        if (known == null) {
            known = readHierarchyUsesFields(root);
            usesFields.put(root, known);
        }
        return known;
    }

    private boolean readHierarchyUsesFields(TypeElement root) {
        Ann access = Ann.jpa(root, "Access");
        if (access != null) {
            return access.enumName("value").equals("FIELD");
        }
        for (TypeElement c = root; c != null; c = superclass(c)) {
            for (Element e : membersOf(c).all()) {
                if (Ann.hasJpa(e, "Id") || Ann.hasJpa(e, "EmbeddedId")) {
                    return e.getKind() == ElementKind.FIELD;
                }
            }
        }
        return true;
    }

    private static EntityInfo.Inheritance strategyOf(TypeElement root) {
        Ann inheritance = Ann.jpa(root, "Inheritance");
        return inheritance == null ? EntityInfo.Inheritance.SINGLE_TABLE
                : EntityInfo.Inheritance.valueOf(inheritance.enumName("strategy"));
    }

    private List<Attribute> attributesOf(TypeElement c, DeclaredType asSeenFrom, boolean hierarchyFields) {
        Ann access = Ann.jpa(c, "Access");
        boolean fields = access == null ? hierarchyFields : access.enumName("value").equals("FIELD");
        List<Attribute> result = new ArrayList<>();
        Members members = membersOf(c);
        if (fields) {
            for (Element f : members.fields()) {
                Ann fieldAccess = Ann.jpa(f, "Access");
                if (persistentField(f) && (fieldAccess == null || fieldAccess.enumName("value").equals("FIELD"))) {
                    result.add(new Attribute(Ann.simpleNameOf(f), f, memberType(asSeenFrom, f), c));
                }
            }
            for (ExecutableElement m : members.methods()) {
                Ann a = Ann.jpa(m, "Access");
                if (a != null && a.enumName("value").equals("PROPERTY") && propertyName(m) != null) {
                    result.add(new Attribute(propertyName(m), m, returnType(asSeenFrom, m), c));
                }
            }
        } else {
            for (ExecutableElement m : members.methods()) {
                String name = propertyName(m);
                if (name != null && !m.getModifiers().contains(Modifier.STATIC) && !Ann.hasJpa(m, "Transient")) {
                    result.add(new Attribute(name, m, returnType(asSeenFrom, m), c));
                }
            }
            for (Element f : members.fields()) {
                Ann a = Ann.jpa(f, "Access");
                if (a != null && a.enumName("value").equals("FIELD") && persistentField(f)) {
                    result.add(new Attribute(Ann.simpleNameOf(f), f, memberType(asSeenFrom, f), c));
                }
            }
        }
        return result;
    }

    private static boolean persistentField(Element f) {
        java.util.Set<Modifier> modifiers = f.getModifiers();
        return !modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)
                && !Ann.hasJpa(f, "Transient") && !Ann.simpleNameOf(f).startsWith("$");
    }

    private static String propertyName(ExecutableElement m) {
        if (!m.getParameters().isEmpty() || m.getReturnType().getKind() == TypeKind.VOID) {
            return null;
        }
        String n = Ann.simpleNameOf(m);
        if (n.startsWith("get") && n.length() > 3 && !n.equals("getClass")) {
            return Introspector.decapitalize(n.substring(3));
        }
        if (n.startsWith("is") && n.length() > 2 && m.getReturnType().getKind() == TypeKind.BOOLEAN) {
            return Introspector.decapitalize(n.substring(2));
        }
        return null;
    }

    private TypeMirror memberType(DeclaredType asSeenFrom, Element member) {
        try {
            return types.asMemberOf(asSeenFrom, member);
        } catch (IllegalArgumentException e) {
            return member.asType();
        }
    }

    private TypeMirror returnType(DeclaredType asSeenFrom, ExecutableElement m) {
        TypeMirror t = memberType(asSeenFrom, m);
        return t instanceof javax.lang.model.type.ExecutableType et ? et.getReturnType() : m.getReturnType();
    }

    TypeElement superclass(TypeElement type) {
        TypeMirror s = type.getSuperclass();
        if (s.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement e = (TypeElement) types.asElement(s);
        return e.getQualifiedName().contentEquals("java.lang.Object") ? null : e;
    }
}
