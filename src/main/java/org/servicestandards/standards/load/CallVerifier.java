package org.servicestandards.standards.load;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import org.kie.api.runtime.rule.RuleContext;
import org.servicestandards.standards.load.ExpressionVerifier.Form;
import org.servicestandards.standards.load.ExpressionVerifier.Kind;
import org.servicestandards.standards.load.RuleScope.Place;
import org.servicestandards.standards.load.RuleVocabulary.Verdict;

/**
 * Checks a method call of a rule: a vocabulary member on a value or class, a method of the fact
 * (bare, in a constraint), a consequence macro, or one of the few uses of {@code drools}: its
 * rule's name, the macros, or being passed to a static method of the domain (Breach.of).
 */
final class CallVerifier {

    private final ExpressionVerifier expressions;

    CallVerifier(ExpressionVerifier expressions) {
        this.expressions = expressions;
    }

    Kind call(MethodCallExpr call) {
        String name = call.getNameAsString();
        call.getTypeArguments().ifPresent(arguments -> arguments.forEach(t -> expressions.types.check(expressions.snippet, t)));
        if (call.getScope().isEmpty()) {
            return bareCall(call, name);
        }
        Kind of = expressions.kind(call.getScope().get());
        switch (of.form()) {
            case REFUSED -> {
                call.getArguments().forEach(expressions::value);
                return Kind.REFUSED;
            }
            case CONTEXT -> {
                if (name.equals("getRule") && call.getArguments().isEmpty()) {
                    return new Kind(Form.RULE, null, of.name());
                }
                if (ExpressionVerifier.MACROS.contains(name) && call.getArguments().size() == 1) {
                    expressions.value(call.getArgument(0));
                    return Kind.VALUE;
                }
                expressions.refuse(call, "'" + call + "': " + expressions.contextUse());
                return Kind.VALUE;
            }
            case RULE -> {
                if ((name.equals("getName") || name.equals("getPackageName")) && call.getArguments().isEmpty()) {
                    return Kind.VALUE;
                }
                expressions.refuse(call, "'" + call + "': " + expressions.contextUse());
                return Kind.VALUE;
            }
            case PACKAGE -> {
                expressions.refuse(call, "'" + of.name() + "' is not a binding, global, property or class rules may use");
                return Kind.VALUE;
            }
            case TYPE -> {
                if (of.type().declared() != null) {
                    expressions.refuse(call, "a declared type has no static methods");
                    return Kind.VALUE;
                }
                method(call, name, of.type().isDomain() ? of.type().type() : null);
                return Kind.VALUE;
            }
            default -> {
                method(call, name, null);
                return Kind.VALUE;
            }
        }
    }

    private Kind bareCall(MethodCallExpr call, String name) {
        if (expressions.scope.place() == Place.CONSEQUENCE && ExpressionVerifier.MACROS.contains(name) && call.getArguments().size() == 1) {
            expressions.value(call.getArgument(0));
        } else if (expressions.scope.place() == Place.CONSTRAINT) {
            method(call, name, null);
        } else {
            expressions.refuse(call, "'" + name + "(…)' is not a call rules may make here: a consequence may call insert, insertLogical,"
                    + " update or delete (retract), and methods of the vocabulary on a value or class");
        }
        return Kind.VALUE;
    }

    /** A call of a vocabulary member; {@code owner} is the domain class of a static call, or null. */
    private void method(MethodCallExpr call, String name, Class<?> owner) {
        Verdict verdict = expressions.names.vocabulary().method(name);
        if (!verdict.allowed() && !(!verdict.known() && expressions.names.isDeclaredMember(name))) {
            expressions.refuse(call, verdict.known() ? verdict.reason() : "'" + name + "' is not a method of the vocabulary; rules may call"
                    + " the public methods of " + expressions.names.vocabulary().summary() + " that give values of those classes");
        }
        for (int index = 0; index < call.getArguments().size(); index++) {
            Expression argument = call.getArgument(index);
            if (argument instanceof NameExpr context && expressions.scope.place() == Place.CONSEQUENCE
                    && RuleScope.CONTEXT_NAMES.contains(context.getNameAsString()) && !expressions.scope.isVariable(context.getNameAsString())
                    && takesRuleContext(owner, name, call.getArguments().size(), index)) {
                continue;
            }
            expressions.value(argument);
        }
    }

    /**
     * Whether the domain class has a static method of this name and arity that takes the rule
     * context at this place (Breach.of(…, drools, …)), which only reads the rule's name from it.
     */
    private static boolean takesRuleContext(Class<?> owner, String name, int arity, int index) {
        if (owner == null) {
            return false;
        }
        for (java.lang.reflect.Method method : owner.getMethods()) {
            if (method.getName().equals(name) && java.lang.reflect.Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == arity && method.getParameterTypes()[index] == RuleContext.class) {
                return true;
            }
        }
        return false;
    }
}
