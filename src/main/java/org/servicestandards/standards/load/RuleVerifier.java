package org.servicestandards.standards.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.servicestandards.standards.RuleProblem;

/**
 * Verifies a rule file against the vocabulary before anything of it is compiled or run: an
 * allowlist over the rule as Drools parses it, never a pattern over its text.
 *
 * <p>Why this is sound. Drools runs a rule's Java and MVEL only in a few places: constraints and
 * bindings, {@code from}, {@code eval}, accumulate arguments, the consequence, rule attributes,
 * globals' and declared fields' types, functions and custom accumulate code. The verifier parses
 * the DRL with Drools' own {@link DrlParser} (the same class and language level the compiler uses,
 * over exactly the text that is then compiled: DSLR files are compiled from the expansion verified
 * here, decision tables from the DRL they generate), refuses the places it does not check
 * (functions, custom accumulate code, timers, dynamic attributes, entry points, MVEL dialect, named
 * consequences, rule units), and parses every remaining piece with a Java parser as a whole
 * expression or block, so no text can end Drools' generated code early. Unicode escapes are refused
 * before parsing, because Java reads them before it reads anything else. In every piece:
 * <ul>
 *   <li>a class name resolves, as Java and Drools resolve it, only to an allowlisted class of
 *   {@link RuleVocabulary} or a type the file declares with allowlisted fields and no code;</li>
 *   <li>a bare name is a binding ({@code $x}, declared by the rule), a local, a global of an
 *   allowlisted type, a property of the fact (in a constraint), a package prefix that ends in an
 *   allowlisted class, or {@code drools}/{@code kcontext}, which may only read the rule's name, run
 *   the insert/update/delete macros, or be passed to a static method of the domain;</li>
 *   <li>a member is used only by a name every allowlisted class gives an allowlisted type.</li>
 * </ul>
 * By induction over the expression, every value a rule computes is then of an allowlisted type (or
 * a JDK implementation of an allowlisted interface, reached only through the interface's names),
 * and every member called is one of the vocabulary's; none of them reaches files, the network,
 * processes, threads, reflection, class loading or the JVM's global state. Lambdas, method
 * references, anonymous classes and class literals cannot be written, so no code of the rule's own
 * runs where the vocabulary calls back. Loops are refused and the engine bounds rule firings, so a
 * rule set cannot hang the service by looping.
 */
final class RuleVerifier {

    /** The package a verified file declares, and what was refused (nothing when it may be compiled). */
    record Verified(String packageName, List<RuleProblem> problems) {
    }

    /** First words of the Java platform's packages: a rule package there would share their namespace. */
    private static final Set<String> PLATFORM_ROOTS = ModuleLayer.boot().modules().stream()
            .flatMap(module -> module.getDescriptor() == null ? java.util.stream.Stream.<String>empty()
                    : module.getDescriptor().packages().stream())
            .map(name -> name.split("\\.")[0]).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> ATTRIBUTE_FLAGS = Set.of("no-loop", "lock-on-active", "auto-focus", "enabled");
    private static final Set<String> ATTRIBUTE_TEXTS = Set.of("agenda-group", "activation-group", "ruleflow-group",
            "date-effective", "date-expires");

    private final Refusals refusals;
    private final RuleOrigin origin;

    private RuleVerifier(RuleOrigin origin) {
        this.origin = origin;
        this.refusals = new Refusals(origin);
    }

    /** Verifies the DRL of one file; the origin locates each refusal in what the officer wrote. */
    static Verified verify(RuleOrigin origin) {
        RuleVerifier verifier = new RuleVerifier(origin);
        String packageName = verifier.verify();
        return new Verified(packageName, verifier.refusals.problems());
    }

    private String verify() {
        String drl = origin.drl;
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            refusals.refuse(escape, "\\u", "unicode escapes (\\uXXXX) are not allowed in rules, not even in strings or"
                    + " comments (Java reads them before anything else); write the character itself");
            return "";
        }
        DrlParser parser = new DrlParser();
        PackageDescr file;
        try {
            file = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            refusals.refuse(origin.offsetOf(e.getLineNumber(), e.getColumn()), "", e.getMessage());
            return "";
        }
        if (parser.hasErrors() || file == null) {
            for (DroolsError error : parser.getErrors()) {
                int at = error instanceof ParserError located ? origin.offsetOf(located.getRow(), located.getCol()) : 0;
                refusals.refuse(at, "", error.getMessage());
            }
            return "";
        }
        String packageName = file.getName() == null ? "" : file.getName();
        packageDeclaration(file, packageName);
        RuleNames names = new RuleNames(RuleVocabulary.standard(), packageName);
        for (ImportDescr imported : file.getImports()) {
            String refusal = names.addImport(imported.getTarget());
            if (refusal != null) {
                refusals.refuse(at(imported, 0), imported.getTarget(), refusal);
            }
        }
        refuseAll(file.getFunctionImports(), "import function is not allowed: rules call only the vocabulary's methods");
        refuseAll(file.getAccumulateImports(), "import accumulate is not allowed; use one of the functions "
                + String.join(", ", new java.util.TreeSet<>(ConditionVerifier.ACCUMULATE_FUNCTIONS)));
        refuseAll(file.getFunctions(), "functions are not allowed in rules: a function is code of the rule's own; use the"
                + " vocabulary's methods");
        refuseAll(file.getEnumDeclarations(), "declared enums are not allowed; use the vocabulary's");
        refuseAll(file.getEntryPointDeclarations(), "entry points are not allowed: facts come from the service");
        refuseAll(file.getWindowDeclarations(), "windows are not allowed");
        if (file.getUnit() != null) {
            refusals.refuse(at(file.getUnit(), 0), "unit", "rule units are not allowed");
        }
        attributes(file.getAttributes(), 0);
        TypeVerifier types = new TypeVerifier(names, refusals);
        for (TypeDeclarationDescr declared : file.getTypeDeclarations()) {
            declaration(declared, names, types);
        }
        Set<String> globals = new HashSet<>();
        for (GlobalDescr global : file.getGlobals()) {
            types.check(global.getType(), origin.drl.indexOf(global.getType(), at(global, 0)));
            if (!global.getIdentifier().matches("[a-z][A-Za-z0-9_]*") || RuleScope.CONTEXT_NAMES.contains(global.getIdentifier())) {
                refusals.refuse(at(global, 0), global.getIdentifier(), "a global is named by a word that starts with a"
                        + " small letter, such as judging");
            }
            globals.add(global.getIdentifier());
        }
        for (RuleDescr rule : file.getRules()) {
            rule(rule, names, globals, types);
        }
        return packageName;
    }

    /** The package: a name of small words outside Java's own packages, alone on its line. */
    private void packageDeclaration(PackageDescr file, String packageName) {
        int line = file.getLine();
        int at = origin.offsetOf(line, 0);
        if (packageName.isEmpty() || !packageName.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")
                || PLATFORM_ROOTS.contains(packageName.split("\\.")[0])) {
            refusals.refuse(at, packageName, "the package '" + packageName + "' is not allowed: a rule file starts with a"
                    + " package of small words outside Java's own (java, javax, org, com, …), such as standards or history");
        }
        String lineText = origin.drl.lines().skip(Math.max(line - 1, 0)).findFirst().orElse("");
        int name = lineText.indexOf(packageName, Math.max(lineText.indexOf("package"), 0));
        String rest = name < 0 ? "" : lineText.substring(name + packageName.length()).strip();
        rest = rest.startsWith(";") ? rest.substring(1).strip() : rest;
        List<BaseDescr> others = new ArrayList<>(file.getImports());
        others.addAll(file.getGlobals());
        others.addAll(file.getRules());
        others.addAll(file.getTypeDeclarations());
        if (!(rest.isEmpty() || rest.startsWith("//")) || others.stream().anyMatch(d -> d.getLine() == line)) {
            refusals.refuse(at, rest, "the package declaration must stand alone on its line; put '" + rest + "' on a line of its own");
        }
    }

    private void refuseAll(Collection<? extends BaseDescr> refused, String message) {
        for (BaseDescr descr : refused) {
            String near = descr instanceof org.drools.drl.ast.descr.FunctionDescr function ? function.getName()
                    : descr instanceof ImportDescr imported ? imported.getTarget() : String.valueOf(descr);
            refusals.refuse(at(descr, 0), near, message);
        }
    }

    /** Rule attributes: literals only, as an expression there is MVEL; no timers, calendars or durations. */
    private void attributes(Collection<AttributeDescr> attributes, int fallback) {
        for (AttributeDescr attribute : attributes) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            boolean ok = switch (name) {
                case "salience" -> value.matches("-?\\d{1,9}");
                case "dialect" -> value.equals("java");
                default -> ATTRIBUTE_FLAGS.contains(name) ? value.isEmpty() || value.matches("true|false")
                        : ATTRIBUTE_TEXTS.contains(name) && attribute.getType() == AttributeDescr.Type.STRING;
            };
            if (!ok) {
                refusals.refuse(at(attribute, fallback), name, "the attribute '" + name + " " + value + "' is not allowed:"
                        + " salience takes a whole number, enabled/no-loop/lock-on-active/auto-focus true or false,"
                        + " dialect only \"java\", the groups and dates a quoted text; timer, calendars and duration are refused");
            }
        }
    }

    /** A declared fact type: fields of allowlisted types, no initializers, no annotations, no supertype. */
    private void declaration(TypeDeclarationDescr declared, RuleNames names, TypeVerifier types) {
        int at = at(declared, 0);
        if (declared.isTrait() || !declared.getAnnotations().isEmpty() || !declared.getSuperTypes().isEmpty()) {
            refusals.refuse(at, declared.getTypeName(), "declare " + declared.getTypeName() + ": traits, annotations and"
                    + " supertypes are not allowed in declared types");
        }
        for (TypeFieldDescr field : declared.getFields().values()) {
            int fieldAt = at(field, at);
            if (field.getInitExpr() != null || !field.getAnnotations().isEmpty()) {
                refusals.refuse(fieldAt, field.getFieldName(), "declare " + declared.getTypeName() + ": field '"
                        + field.getFieldName() + "' may not have an initializer or annotations; facts are made by the rules");
            }
            String type = field.getPattern().getObjectType();
            types.check(type, origin.drl.indexOf(type, fieldAt) >= 0 ? origin.drl.indexOf(type, fieldAt) : fieldAt);
            if (!field.getFieldName().matches("[a-z][A-Za-z0-9]*") || names.vocabulary().property(field.getFieldName()).known()
                    && !names.vocabulary().property(field.getFieldName()).allowed()) {
                refusals.refuse(fieldAt, field.getFieldName(), "declare " + declared.getTypeName() + ": the field name '"
                        + field.getFieldName() + "' is not allowed; use a plain word");
            }
        }
        String refusal = names.declare(declared.getTypeName(), declared.getFields().keySet());
        if (refusal != null) {
            refusals.refuse(at, declared.getTypeName(), refusal);
        }
    }

    private void rule(RuleDescr rule, RuleNames names, Set<String> globals, TypeVerifier types) {
        int at = at(rule, 0);
        if (!rule.getAnnotations().isEmpty()) {
            refusals.refuse(at, rule.getName(), "rule '" + rule.getName() + "': annotations are not allowed on rules");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refusals.refuse(at, rule.getName(), "rule '" + rule.getName() + "': named consequences (then[name], do[name])"
                    + " are not allowed; write a rule per consequence");
        }
        attributes(rule.getAttributes().values(), at);
        RuleScope scope = new RuleScope(globals);
        ConditionVerifier conditions = new ConditionVerifier(names, scope, refusals);
        if (rule instanceof QueryDescr query) {
            for (int i = 0; i < query.getParameters().length; i++) {
                types.check(query.getParameterTypes()[i], origin.drl.indexOf(query.getParameterTypes()[i], at));
                conditions.bind(query.getParameters()[i], at);
            }
        }
        if (rule.getLhs() != null) {
            conditions.check(rule.getLhs(), at);
        }
        if (rule.isRule() && rule.getConsequence() != null) {
            // The parser gives the consequence's text as written, after 'then'; find it to locate what is refused.
            String consequence = String.valueOf(rule.getConsequence());
            int then = origin.drl.indexOf(consequence, Math.max(at, 0));
            new ConsequenceVerifier(names, scope, refusals).check(consequence, then >= 0 ? then : at);
        }
    }

    /** Where a descriptor starts: its offset, else its line and column, else the fallback. */
    private int at(BaseDescr descr, int fallback) {
        if (descr != null && descr.getStartCharacter() < 0 && descr.getLine() > 0) {
            return origin.offsetOf(descr.getLine(), descr.getColumn());
        }
        return ConditionVerifier.start(descr, fallback);
    }
}
