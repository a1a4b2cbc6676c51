package org.servicestandards.standards.load;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import java.util.Set;
import org.servicestandards.standards.load.RuleNames.RuleType;
import org.servicestandards.standards.load.RuleScope.Place;
import org.servicestandards.standards.load.RuleVocabulary.Verdict;

/**
 * Checks one Java expression of a rule, node by node: every name must be a binding, a local, a
 * global, a property of the pattern's fact or a class of the vocabulary; every member used must be
 * an allowed name of the vocabulary; every type written must be in it. What is not one of the
 * forms below (lambdas, method references, class literals, anonymous classes, switch) is refused.
 */
class ExpressionVerifier {

    /** The consequence macros Drools gives a rule, each of one argument. */
    static final Set<String> MACROS = Set.of("insert", "insertLogical", "update", "delete", "retract");

    /** What an expression (or the part of a dotted name read so far) stands for. */
    enum Form { VALUE, TYPE, PACKAGE, CONTEXT, RULE, REFUSED }

    record Kind(Form form, RuleType type, String name) {
        static final Kind VALUE = new Kind(Form.VALUE, null, null);
        /** Already refused: what is read from it is not refused again. */
        static final Kind REFUSED = new Kind(Form.REFUSED, null, null);
    }

    final RuleNames names;
    final RuleScope scope;
    final Refusals refusals;
    final TypeVerifier types;
    private final CallVerifier calls = new CallVerifier(this);
    Refusals.Snippet snippet;

    ExpressionVerifier(RuleNames names, RuleScope scope, Refusals refusals) {
        this.names = names;
        this.scope = scope;
        this.refusals = refusals;
        this.types = new TypeVerifier(names, refusals);
    }

    /** Checks an expression of the snippet that must give a value. */
    void check(Refusals.Snippet of, Expression expression) {
        snippet = of;
        value(expression);
    }

    void value(Expression e) {
        Kind kind = kind(e);
        if (kind.form() == Form.PACKAGE) {
            refuse(e, "'" + kind.name() + "' is not a binding, global, property or class rules may use; rules may use "
                    + names.vocabulary().summary());
        } else if (kind.form() == Form.TYPE) {
            refuse(e, "a class is not a value here");
        } else if (kind.form() != Form.VALUE && kind.form() != Form.REFUSED) {
            refuse(e, "'" + e + "': " + contextUse());
        }
    }

    void refuse(com.github.javaparser.ast.Node node, String message) {
        refusals.refuse(snippet, node, message);
    }

    Kind kind(Expression e) {
        if (e instanceof LiteralExpr) {
            return Kind.VALUE;
        } else if (e instanceof NameExpr name) {
            return name(name);
        } else if (e instanceof FieldAccessExpr field) {
            return field(field);
        } else if (e instanceof MethodCallExpr call) {
            return calls.call(call);
        } else if (e instanceof ObjectCreationExpr creation) {
            creation(creation);
        } else if (e instanceof ArrayCreationExpr array) {
            types.check(snippet, array.getElementType());
            if (array.getLevels().stream().anyMatch(level -> level.getDimension().isPresent())) {
                refuse(array, "arrays are written with their elements ({a, b}), not made by size");
            }
            array.getInitializer().ifPresent(this::value);
        } else if (e instanceof ArrayInitializerExpr array) {
            array.getValues().forEach(this::value);
        } else if (e instanceof ArrayAccessExpr access) {
            value(access.getName());
            value(access.getIndex());
        } else if (e instanceof BinaryExpr binary) {
            value(binary.getLeft());
            value(binary.getRight());
        } else if (e instanceof UnaryExpr unary) {
            if (unary.getOperator().isPrefix() && unary.getOperator() != UnaryExpr.Operator.PREFIX_INCREMENT
                    && unary.getOperator() != UnaryExpr.Operator.PREFIX_DECREMENT) {
                value(unary.getExpression());
            } else {
                assigned(unary.getExpression());
            }
        } else if (e instanceof EnclosedExpr enclosed) {
            value(enclosed.getInner());
        } else if (e instanceof ConditionalExpr conditional) {
            value(conditional.getCondition());
            value(conditional.getThenExpr());
            value(conditional.getElseExpr());
        } else if (e instanceof CastExpr cast) {
            types.check(snippet, cast.getType());
            value(cast.getExpression());
        } else if (e instanceof InstanceOfExpr test) {
            if (test.getPattern().isPresent()) {
                refuse(test, "instanceof with a pattern variable is not allowed; test the type, then cast");
            }
            types.check(snippet, test.getType());
            value(test.getExpression());
        } else if (e instanceof ThisExpr self && scope.place() == Place.CONSTRAINT && self.getTypeName().isEmpty()) {
            return Kind.VALUE;
        } else if (e instanceof AssignExpr assign && scope.place() == Place.CONSEQUENCE) {
            assigned(assign.getTarget());
            value(assign.getValue());
        } else if (e instanceof VariableDeclarationExpr declaration && scope.place() == Place.CONSEQUENCE) {
            declaration(declaration);
        } else {
            refuse(e, notAllowed(e));
        }
        return Kind.VALUE;
    }

    private static String notAllowed(Expression e) {
        if (e instanceof LambdaExpr || e instanceof MethodReferenceExpr) {
            return "lambdas and method references are not allowed in rules";
        }
        if (e instanceof ClassExpr) {
            return "class literals (" + e + ") are not allowed: rules may not reach classes themselves";
        }
        if (e instanceof ThisExpr || e instanceof SuperExpr) {
            return "'" + e + "' is allowed only in a pattern's constraint, for the fact itself";
        }
        if (e instanceof SwitchExpr) {
            return "switch is not allowed in rules; write one rule per case";
        }
        if (e instanceof AssignExpr || e instanceof VariableDeclarationExpr) {
            return "assignments are allowed only to a consequence's own variables";
        }
        return "'" + e + "' is not an expression rules may use";
    }

    private Kind name(NameExpr expression) {
        String name = expression.getNameAsString();
        if (scope.place() == Place.CONSEQUENCE && scope.isLocal(name) || scope.isBinding(name) || scope.isGlobal(name)) {
            return Kind.VALUE;
        }
        if (scope.place() == Place.CONSEQUENCE && RuleScope.CONTEXT_NAMES.contains(name)) {
            return new Kind(Form.CONTEXT, null, name);
        }
        if (name.startsWith("$")) {
            refuse(expression, "'" + name + "' is not a binding of this rule");
            return Kind.REFUSED;
        }
        if (Character.isUpperCase(name.charAt(0))) {
            RuleNames.Lookup lookup = names.simple(name);
            if (lookup.type() == null) {
                refuse(expression, lookup.refusal());
                return Kind.REFUSED;
            }
            return new Kind(Form.TYPE, lookup.type(), name);
        }
        if (scope.place() == Place.CONSTRAINT) {
            Verdict property = property(name);
            if (property.allowed()) {
                return Kind.VALUE;
            }
            if (property.known()) {
                refuse(expression, property.reason());
                return Kind.REFUSED;
            }
        }
        return new Kind(Form.PACKAGE, null, name);
    }

    private Kind field(FieldAccessExpr access) {
        Kind of = kind(access.getScope());
        String name = access.getNameAsString();
        switch (of.form()) {
            case REFUSED -> {
                return Kind.REFUSED;
            }
            case VALUE -> {
                Verdict property = property(name);
                if (!property.allowed()) {
                    refuse(access, property.known() ? property.reason()
                            : "'" + name + "' is not a property of the vocabulary's classes");
                }
                return Kind.VALUE;
            }
            case TYPE -> {
                Class<?> owner = of.type().type();
                if (owner != null && names.vocabulary().isStaticField(owner, name)) {
                    return Kind.VALUE;
                }
                if (owner != null && names.vocabulary().classNamed(owner.getCanonicalName() + "." + name).isPresent()) {
                    return new Kind(Form.TYPE, new RuleType(names.vocabulary().classNamed(owner.getCanonicalName() + "." + name)
                            .get(), null), name);
                }
                refuse(access, "'" + of.name() + "." + name + "' is not a constant or class of the vocabulary");
                return Kind.REFUSED;
            }
            case PACKAGE -> {
                String dotted = of.name() + "." + name;
                if (names.vocabulary().classNamed(dotted).isPresent()) {
                    return new Kind(Form.TYPE, new RuleType(names.vocabulary().classNamed(dotted).get(), null), dotted);
                }
                if (Character.isUpperCase(name.charAt(0))) {
                    refuse(access, dotted + " is not in the vocabulary; rules may use " + names.vocabulary().summary());
                    return Kind.REFUSED;
                }
                return new Kind(Form.PACKAGE, null, dotted);
            }
            default -> {
                refuse(access, "'" + access + "': " + contextUse());
                return Kind.VALUE;
            }
        }
    }

    private void creation(ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent() || creation.getScope().isPresent()) {
            refuse(creation, "anonymous and inner classes are not allowed in rules");
        }
        types.check(snippet, creation.getType());
        creation.getArguments().forEach(this::value);
    }

    private void declaration(VariableDeclarationExpr declaration) {
        if (!declaration.getAnnotations().isEmpty()) {
            refuse(declaration, "annotations are not allowed in rules");
        }
        declaration.getVariables().forEach(variable -> {
            types.check(snippet, variable.getType());
            String name = variable.getNameAsString();
            if (RuleScope.CONTEXT_NAMES.contains(name) || scope.isVariable(name)) {
                refuse(variable, "'" + name + "' is already a name of this rule; choose another");
            }
            variable.getInitializer().ifPresent(this::value);
            scope.declareLocal(name);
        });
    }

    private void assigned(Expression target) {
        if (!(target instanceof NameExpr name && scope.isLocal(name.getNameAsString()))) {
            refuse(target, "only a consequence's own variables may be assigned; facts are changed by inserting new ones");
        }
    }

    Verdict property(String name) {
        Verdict verdict = names.vocabulary().property(name);
        return !verdict.known() && names.isDeclaredMember(name) ? new Verdict(true, null) : verdict;
    }

    static String contextUse() {
        return "of drools (and kcontext) rules may use only drools.getRule().getName(), the macros insert, insertLogical,"
                + " update and delete, and pass drools to a method of the vocabulary such as Breach.of";
    }
}
