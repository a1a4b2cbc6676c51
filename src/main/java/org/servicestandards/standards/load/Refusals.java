package org.servicestandards.standards.load;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParseStart;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.Providers;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.servicestandards.standards.RuleProblem;

/**
 * What the verifier refused in one file, each located where the officer wrote it, and the parsing
 * of the Java pieces of a rule (a constraint, a consequence), each at its place in the DRL.
 */
final class Refusals {

    /** A piece of Java in the DRL and the offset it starts at. */
    record Snippet(String text, int start) {
    }

    private final RuleOrigin origin;
    private final List<RuleProblem> problems = new ArrayList<>();
    // Java 17, as the rules are compiled; no unicode-escape preprocessing, as the verifier refuses every escape first.
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setAttributeComments(false));

    Refusals(RuleOrigin origin) {
        this.origin = origin;
    }

    RuleOrigin origin() {
        return origin;
    }

    List<RuleProblem> problems() {
        return problems;
    }

    void refuse(int offset, String near, String message) {
        RuleProblem problem = origin.at(offset, near, message);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** Refuses a node of a snippet: the problem is located at the node. */
    void refuse(Snippet snippet, Node node, String message) {
        refuse(offset(snippet, node), node.toString(), message);
    }

    /** Parses a snippet as a whole of the given kind (an expression, a block, a type), or refuses it. */
    <N extends Node> Optional<N> parse(Snippet snippet, ParseStart<N> kind, String what) {
        ParseResult<N> result = parser.parse(kind, Providers.provider(snippet.text()));
        if (result.isSuccessful() && result.getResult().isPresent()) {
            return result.getResult();
        }
        String why = result.getProblems().isEmpty() ? "" : ": " + result.getProblems().get(0).getMessage().lines().findFirst().orElse("");
        int at = result.getProblems().stream().findFirst().flatMap(p -> p.getLocation())
                .flatMap(l -> l.getBegin().getRange()).map(r -> offset(snippet, r.begin)).orElse(snippet.start());
        String text = snippet.text().strip().replaceAll("\\s+", " ");
        refuse(at, snippet.text(), "cannot verify " + what + " '" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'" + why
                + "; rules may write only plain Java expressions over the vocabulary, and what cannot be verified is refused");
        return Optional.empty();
    }

    /** The DRL offset of a node of a snippet. */
    static int offset(Snippet snippet, Node node) {
        return node.getBegin().map(p -> offset(snippet, p)).orElse(snippet.start());
    }

    private static int offset(Snippet snippet, Position position) {
        String text = snippet.text();
        int at = 0;
        for (int line = 1; line < position.line && at >= 0; line++) {
            at = text.indexOf('\n', at);
            at = at < 0 ? -1 : at + 1;
        }
        return snippet.start() + Math.max(at, 0) + Math.max(position.column - 1, 0);
    }
}
