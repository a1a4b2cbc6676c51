package org.servicestandards.standards.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the class names of one rule file resolve: through its package, its imports and the types it
 * declares, in the order Java and Drools resolve them (declared and single-type imports, then the
 * file's own package, then on-demand imports and {@code java.lang}), and only ever to the
 * vocabulary. A name that Java would resolve to anything else, or that is ambiguous with anything
 * else, is refused, so the class a rule names is the class the verifier checked.
 */
final class RuleNames {

    /** A class a rule may name: an allowlisted class, or a type the rule file declares. */
    record RuleType(Class<?> type, String declared) {
        boolean isDomain() {
            return type != null && type.getName().startsWith("org.servicestandards.");
        }
    }

    /** A name resolved to a type, or why it may not be used. */
    record Lookup(RuleType type, String refusal) {
        static Lookup refused(String why) {
            return new Lookup(null, why);
        }
    }

    private static final Map<String, Boolean> EXISTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final RuleVocabulary vocabulary;
    private final String packageName;
    private final Map<String, Class<?>> singleImports = new HashMap<>();
    private final Set<String> onDemandImports = new LinkedHashSet<>();
    private final Map<String, Set<String>> declared = new HashMap<>();

    RuleNames(RuleVocabulary vocabulary, String packageName) {
        this.vocabulary = vocabulary;
        this.packageName = packageName;
        onDemandImports.add("java.lang");
    }

    RuleVocabulary vocabulary() {
        return vocabulary;
    }

    /** Adds an import, or says why it may not be made. */
    String addImport(String target) {
        if (target.endsWith(".*")) {
            String from = target.substring(0, target.length() - 2);
            if (!vocabulary.hasPackage(from)) {
                return "import " + target + ": " + from + " holds nothing rules may use; rules may import " + vocabulary.summary();
            }
            onDemandImports.add(from);
            return null;
        }
        Class<?> type = vocabulary.classNamed(target).orElse(null);
        if (type == null) {
            return "import " + target + ": " + target + " is not in the vocabulary; rules may import " + vocabulary.summary();
        }
        Class<?> before = singleImports.putIfAbsent(type.getSimpleName(), type);
        if (before != null && before != type) {
            return "import " + target + ": " + type.getSimpleName() + " is already imported as " + before.getCanonicalName();
        }
        return null;
    }

    /** Declares a fact type of this file with its field names, or says why it may not be declared. */
    String declare(String simpleName, Set<String> fields) {
        if (!Character.isUpperCase(simpleName.charAt(0)) || simpleName.indexOf('.') >= 0) {
            return "declare " + simpleName + ": a declared type is named by one word that starts with a capital letter";
        }
        if (exists(packageName + "." + simpleName) || simple(simpleName).type() != null || exists("java.lang." + simpleName)) {
            return "declare " + simpleName + ": the name is taken by a class rules already see; choose another";
        }
        declared.put(simpleName, Set.copyOf(fields));
        return null;
    }

    /** Whether a declared type of this file has a field of this name (its getter, setter and property). */
    boolean isDeclaredMember(String name) {
        for (Set<String> fields : declared.values()) {
            for (String field : fields) {
                String capitalized = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                if (name.equals(field) || name.equals("get" + capitalized) || name.equals("set" + capitalized)
                        || name.equals("is" + capitalized)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Resolves a simple class name as Java would, to the vocabulary only. */
    Lookup simple(String name) {
        if (declared.containsKey(name)) {
            return new Lookup(new RuleType(null, name), null);
        }
        Class<?> imported = singleImports.get(name);
        if (imported != null) {
            return new Lookup(new RuleType(imported, null), null);
        }
        if (exists(packageName + "." + name)) {
            return Lookup.refused(packageName + "." + name + " is not in the vocabulary; rules may use " + vocabulary.summary());
        }
        List<Class<?>> found = new ArrayList<>();
        for (String from : onDemandImports) {
            String candidate = from + "." + name;
            Class<?> allowed = vocabulary.classNamed(candidate).orElse(null);
            if (allowed != null) {
                if (!found.contains(allowed)) {
                    found.add(allowed);
                }
            } else if (exists(candidate)) {
                return Lookup.refused(candidate + " is not in the vocabulary; rules may use " + vocabulary.summary());
            }
        }
        if (found.size() > 1) {
            return Lookup.refused(name + " is ambiguous (" + found.stream().map(Class::getCanonicalName).toList()
                    + "); import the one you mean");
        }
        if (found.isEmpty()) {
            return Lookup.refused(name + " is not a class of the vocabulary (is an import missing?); rules may use "
                    + vocabulary.summary());
        }
        return new Lookup(new RuleType(found.get(0), null), null);
    }

    /** Resolves a qualified name ({@code java.time.Duration}, {@code Map.Entry}) or a simple one. */
    Lookup qualified(String dotted) {
        int dot = dotted.indexOf('.');
        if (dot < 0) {
            return simple(dotted);
        }
        String first = dotted.substring(0, dot);
        if (Character.isUpperCase(first.charAt(0))) {
            Lookup outer = simple(first);
            if (outer.type() == null || outer.type().type() == null) {
                return outer.type() == null ? outer : Lookup.refused(dotted + " is not in the vocabulary");
            }
            return qualified(outer.type().type().getCanonicalName() + dotted.substring(dot));
        }
        String full = dotted;
        return vocabulary.classNamed(full).map(c -> new Lookup(new RuleType(c, null), null))
                .orElseGet(() -> Lookup.refused(full + " is not in the vocabulary; rules may use " + vocabulary.summary()));
    }

    /** Whether the JVM has a class of this name, so that Java would resolve to it; loading it runs none of its code. */
    private static boolean exists(String name) {
        Boolean known = EXISTS.get(name);
        if (known != null) {
            return known;
        }
        boolean found;
        try {
            Class.forName(name, false, RuleNames.class.getClassLoader());
            found = true;
        } catch (ClassNotFoundException | LinkageError e) {
            found = false;
        }
        // A miss searches the whole class path, and the same names come with every load; the cache stays small.
        if (EXISTS.size() < 10_000) {
            EXISTS.put(name, found);
        }
        return found;
    }
}
