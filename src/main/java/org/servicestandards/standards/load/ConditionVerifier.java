package org.servicestandards.standards.load;

import com.github.javaparser.ParseStart;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.servicestandards.standards.load.RuleScope.Place;

/**
 * Checks a rule's conditions as Drools' parser reads them: the conditional elements
 * ({@code and, or, not, exists, forall, eval}), each pattern's type, bindings and constraints
 * (split by Drools' own constraint parser into operators and operands, each operand checked as
 * Java), and the sources {@code from}, {@code collect} and {@code accumulate} with the built-in
 * functions only. Entry points, windows, OOPath, query calls and custom accumulate code are refused.
 */
final class ConditionVerifier {

    static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "contains", "excludes",
            "memberOf", "matches", "soundslike", "after", "before", "coincides", "during", "finishes", "finishedby",
            "includes", "meets", "metby", "overlaps", "overlappedby", "starts", "startedby");
    private static final Pattern TIME = Pattern.compile("-?\\d+(ms|[dhms])?(\\d+(ms|[dhms]))*");

    private final RuleNames names;
    private final RuleScope scope;
    private final Refusals refusals;
    private final ExpressionVerifier expressions;

    ConditionVerifier(RuleNames names, RuleScope scope, Refusals refusals) {
        this.names = names;
        this.scope = scope;
        this.refusals = refusals;
        this.expressions = new ExpressionVerifier(names, scope, refusals);
    }

    void check(BaseDescr condition, int fallback) {
        int at = start(condition, fallback);
        if (condition instanceof AndDescr || condition instanceof OrDescr || condition instanceof NotDescr
                || condition instanceof ExistsDescr || condition instanceof ForallDescr) {
            for (BaseDescr inner : ((org.drools.drl.ast.descr.ConditionalElementDescr) condition).getDescrs()) {
                check(inner, at);
            }
        } else if (condition instanceof PatternDescr pattern) {
            pattern(pattern, at);
        } else if (condition instanceof EvalDescr eval) {
            String content = String.valueOf(eval.getContent());
            java(content, find(content, at), Place.EXPRESSION, "the eval");
        } else {
            refusals.refuse(at, String.valueOf(condition), "'" + condition + "' is not a condition rules may use (named"
                    + " consequences, if/do branches and the like are refused); rules may use patterns, and, or, not,"
                    + " exists, forall, eval, from, collect and accumulate");
        }
    }

    private void pattern(PatternDescr pattern, int at) {
        if (pattern.getObjectType() == null || pattern.isQuery() || !pattern.getBehaviors().isEmpty()
                || !pattern.getAnnotations().isEmpty()) {
            refusals.refuse(at, String.valueOf(pattern), "this pattern is not one rules may use: OOPath, query calls,"
                    + " windows and annotations are refused; a pattern names a class of the vocabulary, e.g. $i : Interaction(…)");
            return;
        }
        RuleNames.Lookup type = names.qualified(pattern.getObjectType());
        if (type.type() == null) {
            refusals.refuse(at, pattern.getObjectType(), "pattern " + pattern.getObjectType() + ": " + type.refusal());
        }
        bind(pattern.getIdentifier(), at);
        if (pattern.getSource() != null) {
            source(pattern.getSource(), at);
        }
        for (BaseDescr constraint : pattern.getConstraint().getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                constraint(expression.getExpression(), start(expression, at));
            } else {
                refusals.refuse(start(constraint, at), String.valueOf(constraint), "'" + constraint + "' is not a constraint rules may use");
            }
        }
    }

    private void source(BaseDescr source, int at) {
        int start = start(source, at);
        if (source instanceof FromDescr from && from.getDataSource() instanceof org.drools.drl.ast.descr.MVELExprDescr) {
            java(from.getExpression(), find(from.getExpression(), start), Place.EXPRESSION, "the 'from' expression");
        } else if (source instanceof CollectDescr collect) {
            pattern(collect.getInputPattern(), start(collect.getInputPattern(), start));
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, start);
        } else {
            refusals.refuse(start, String.valueOf(source), "'" + source + "' is not a source rules may use (entry points and"
                    + " windows are refused); rules may match 'from' an expression, collect or accumulate");
        }
    }

    private void accumulate(AccumulateDescr accumulate, int at) {
        if (!accumulate.isExternalFunction() || accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null || accumulate.getResultCode() != null || accumulate.getFunctions().isEmpty()) {
            refusals.refuse(at, "accumulate", "accumulate with init/action/reverse/result code is not allowed; use one of the"
                    + " functions " + String.join(", ", new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS)));
            return;
        }
        check(accumulate.getInput(), at);
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                refusals.refuse(at, function.getFunction(), "the accumulate function '" + function.getFunction() + "' is not"
                        + " allowed; use one of " + String.join(", ", new java.util.TreeSet<>(ACCUMULATE_FUNCTIONS)));
            }
            for (String parameter : function.getParams()) {
                java(parameter, find(parameter, at), Place.EXPRESSION, "the accumulate argument");
            }
            bind(function.getBind(), at);
        }
    }

    /** A constraint, split by Drools' own parser; every operand is Java over the fact. */
    private void constraint(String text, int at) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr parsed = parser.parse(text);
        if (parser.hasErrors() || parsed == null) {
            refusals.refuse(at, text, "cannot verify the constraint '" + text + "'"
                    + (parser.getErrors().isEmpty() ? "" : ": " + parser.getErrors().get(0).getMessage()));
            return;
        }
        new Operands(text, at).walk(parsed);
    }

    /** Walks a parsed constraint; finds each operand's text in the constraint to locate it. */
    private final class Operands {
        private final String text;
        private final int start;
        private int cursor;

        Operands(String text, int start) {
            this.text = text;
            this.start = start;
        }

        void walk(BaseDescr node) {
            if (node instanceof ConstraintConnectiveDescr connective) {
                connective.getDescrs().forEach(this::walk);
            } else if (node instanceof RelationalExprDescr relation) {
                walk(relation.getLeft());
                operator(relation.getOperator(), relation.getParameters());
                walk(relation.getRight());
            } else if (node instanceof BindingDescr binding) {
                bind(binding.getVariable(), locate(binding.getVariable()));
                operand(binding.getExpression());
            } else if (node instanceof AtomicExprDescr atom) {
                operand(atom.getExpression());
            } else {
                refusals.refuse(start, text, "cannot verify the constraint '" + text + "'");
            }
        }

        private void operator(String operator, List<String> parameters) {
            int at = locate(operator);
            if (!OPERATORS.contains(operator)) {
                // str[...] is among them: its evaluator does not link in this Drools build.
                refusals.refuse(at, operator, "the operator '" + operator + "' is not allowed; rules may use "
                        + String.join(" ", new java.util.TreeSet<>(OPERATORS)) + " (for str[startsWith] write id.startsWith(\"r\"))");
            }
            for (String parameter : parameters == null ? List.<String>of() : parameters) {
                if (!TIME.matcher(parameter.strip()).matches()) {
                    refusals.refuse(at, parameter, "'" + operator + "[" + parameter + "]' is not allowed: a temporal operator"
                            + " takes a time such as 1h30m");
                }
            }
        }

        private void operand(String expression) {
            java(expression, locate(expression), Place.CONSTRAINT, "the constraint");
        }

        private int locate(String piece) {
            int found = piece == null ? -1 : text.indexOf(piece.strip(), cursor);
            if (found < 0) {
                return start + cursor;
            }
            cursor = found;
            return start + found;
        }
    }

    private void java(String text, int at, Place place, String what) {
        Refusals.Snippet snippet = new Refusals.Snippet(text.strip(), at);
        scope.at(place);
        refusals.parse(snippet, ParseStart.EXPRESSION, what).ifPresent(e -> expressions.check(snippet, e));
    }

    /** A binding names a value for later patterns and the consequence; it starts with '$', so it can never be read as a package or property. */
    void bind(String name, int at) {
        if (name == null || name.isEmpty()) {
            return;
        }
        if (!name.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
            refusals.refuse(at, name, "the binding '" + name + "' must be a '$' and a word, e.g. $i");
        }
        scope.bind(name);
    }

    /** Where a piece Drools gives without its place stands in the DRL: the first time its text appears from {@code from} on. */
    private int find(String piece, int from) {
        int found = piece == null ? -1 : refusals.origin().drl.indexOf(piece.strip(), Math.max(from, 0));
        return found >= 0 ? found : from;
    }

    /** Where a descriptor starts in the DRL, or where its enclosing one does when Drools did not say. */
    static int start(BaseDescr descr, int fallback) {
        return descr != null && descr.getStartCharacter() >= 0 ? descr.getStartCharacter() : fallback;
    }
}
