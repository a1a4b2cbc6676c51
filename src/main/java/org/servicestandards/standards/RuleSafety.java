package org.servicestandards.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules run inside the service, so what they may name is limited to the domain model and plain
 * values: no files, network, processes, threads, reflection or {@code System}. A denylist over
 * the rule text (comments and string literals blanked out) refuses the rule set with the line
 * and column of each use. It guards against mistakes and casual misuse; who may write rules at
 * all is decided by access control.
 */
final class RuleSafety {

    /** Packages and classes a rule file may import. */
    private static final List<String> ALLOWED_IMPORTS = List.of(
            "org.servicestandards.interaction.", "org.servicestandards.standards.facts.", "org.servicestandards.verdict.",
            "org.servicestandards.calendar.Clock", "java.time.", "java.math.", "java.util.List", "java.util.Map",
            "java.util.Set", "java.util.Collection", "java.util.Objects", "java.util.Optional", "java.util.Locale");

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:function\\s+|static\\s+)?([\\w.*]+)\\s*;?");

    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System\\s*\\.|Runtime\\b|ProcessBuilder\\b|Process\\b|Thread\\b|ThreadGroup\\b|ClassLoader\\b"
                    + "|Class\\s*\\.\\s*forName|\\.getClass\\s*\\(|\\.class\\b|java\\.(?:io|nio|net|lang\\.reflect|lang\\.invoke)\\b"
                    + "|javax\\.\\w+|sun\\.\\w+|jdk\\.\\w+|exit\\s*\\(|exec\\s*\\(|Files\\b|Paths\\b|Socket\\b|URL\\b"
                    + "|URI\\b|HttpClient\\b|reflect\\b|Method\\b|Field\\b|setAccessible|getDeclared\\w*|Unsafe\\b"
                    + "|ScriptEngine\\w*|Executors?\\b|CompletableFuture\\b|org\\.drools\\.|org\\.kie\\.)");

    private RuleSafety() {
    }

    static List<RuleProblem> check(String file, String text) {
        List<RuleProblem> problems = new ArrayList<>();
        String code = blankCommentsAndStrings(text);
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(1);
            if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
                problems.add(at(file, code, imports.start(1), "import " + imported
                        + " is outside the domain model; rules may import " + String.join(", ", ALLOWED_IMPORTS)));
            }
        }
        String withoutImports = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
        Matcher forbidden = FORBIDDEN.matcher(withoutImports);
        while (forbidden.find()) {
            problems.add(at(file, withoutImports, forbidden.start(), "'" + forbidden.group(1).trim()
                    + "' is not allowed in rules: rules may not touch files, the network, processes, threads, reflection or System"));
        }
        return problems;
    }

    private static RuleProblem at(String file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleProblem(file, line, offset - lineStart + 1, message);
    }

    /** Replaces comments and string literals by spaces, keeping every line and column in place. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                while (i < text.length() && !(text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
                    out.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                out.append("  ");
                i += 2;
            } else if (c == '"') {
                out.append(' ');
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < text.length()) {
                    out.append(text.charAt(i) == '"' ? ' ' : '\n');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.length() > text.length() ? out.substring(0, text.length()) : out.toString();
    }
}
