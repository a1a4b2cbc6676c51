package org.servicestandards.standards.load;

import com.github.javaparser.ParseStart;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.WildcardType;
import java.util.Optional;

/**
 * Checks a type a rule writes (a local's, a cast's, {@code new}'s, a global's, a declared field's,
 * a type argument): primitives, arrays of allowed types, and classes of the vocabulary or the
 * file's declared types, with type arguments that are allowed too.
 */
final class TypeVerifier {

    private final RuleNames names;
    private final Refusals refusals;

    TypeVerifier(RuleNames names, Refusals refusals) {
        this.names = names;
        this.refusals = refusals;
    }

    /** Checks a type written as text in the DRL at {@code offset} (a global's or a declared field's); its class when it has one. */
    Optional<RuleNames.RuleType> check(String text, int offset) {
        Refusals.Snippet snippet = new Refusals.Snippet(text, offset);
        Optional<Type> type = refusals.parse(snippet, ParseStart.TYPE, "the type");
        type.ifPresent(t -> check(snippet, t));
        if (type.isPresent() && type.get() instanceof ClassOrInterfaceType named) {
            return Optional.ofNullable(names.qualified(named.getNameWithScope()).type());
        }
        return Optional.empty();
    }

    void check(Refusals.Snippet snippet, Type type) {
        if (type instanceof PrimitiveType || type instanceof VarType) {
            return;
        }
        if (type instanceof ArrayType array) {
            check(snippet, array.getComponentType());
        } else if (type instanceof WildcardType wildcard) {
            wildcard.getExtendedType().ifPresent(bound -> check(snippet, bound));
            wildcard.getSuperType().ifPresent(bound -> check(snippet, bound));
        } else if (type instanceof ClassOrInterfaceType named) {
            if (!named.getAnnotations().isEmpty()) {
                refusals.refuse(snippet, named, "annotations are not allowed in rules");
            }
            RuleNames.Lookup lookup = names.qualified(named.getNameWithScope());
            if (lookup.type() == null) {
                refusals.refuse(snippet, named, lookup.refusal());
            }
            named.getTypeArguments().ifPresent(arguments -> arguments.forEach(argument -> check(snippet, argument)));
        } else {
            refusals.refuse(snippet, type, "the type '" + type + "' is not one rules may use");
        }
    }
}
