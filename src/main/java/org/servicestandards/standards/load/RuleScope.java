package org.servicestandards.standards.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The names a piece of a rule sees besides classes: the rule's bindings ({@code $i}), the file's
 * globals, the locals of a consequence (block by block, as Java scopes them), and where the piece
 * stands, which decides what a bare name means.
 */
final class RuleScope {

    /** Where a piece of Java stands in a rule. */
    enum Place {
        /** A pattern's constraint: a bare name may be a property of the fact, a bare call its method, {@code this} the fact. */
        CONSTRAINT,
        /** {@code from}, {@code eval}, an accumulate function's argument: only bindings and globals. */
        EXPRESSION,
        /** The consequence: bindings, globals, locals, the consequence macros and {@code drools}. */
        CONSEQUENCE
    }

    /** The two names Drools gives a consequence for its rule context. */
    static final Set<String> CONTEXT_NAMES = Set.of("drools", "kcontext");

    private final Set<String> globals;
    private final Set<String> bindings = new HashSet<>();
    private final Deque<Set<String>> locals = new ArrayDeque<>();
    private Place place = Place.CONSTRAINT;

    RuleScope(Set<String> globals) {
        this.globals = Set.copyOf(globals);
    }

    Place place() {
        return place;
    }

    RuleScope at(Place where) {
        place = where;
        return this;
    }

    void bind(String name) {
        bindings.add(name);
    }

    boolean isBinding(String name) {
        return bindings.contains(name);
    }

    boolean isGlobal(String name) {
        return globals.contains(name);
    }

    boolean isLocal(String name) {
        return locals.stream().anyMatch(block -> block.contains(name));
    }

    /** A name a consequence reads as a value: a local, a binding or a global. */
    boolean isVariable(String name) {
        return isLocal(name) || isBinding(name) || isGlobal(name);
    }

    void openBlock() {
        locals.push(new HashSet<>());
    }

    void closeBlock() {
        locals.pop();
    }

    void declareLocal(String name) {
        locals.peek().add(name);
    }
}
