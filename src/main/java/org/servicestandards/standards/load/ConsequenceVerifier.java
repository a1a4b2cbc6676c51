package org.servicestandards.standards.load;

import com.github.javaparser.ParseStart;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import org.servicestandards.standards.load.RuleScope.Place;

/**
 * Checks a rule's consequence: a block of statements, each an expression, a local variable or an
 * {@code if}. Loops (a rule that never ends), {@code try}, {@code throw}, {@code switch},
 * {@code synchronized}, labels, {@code return} and local classes are refused: a consequence
 * concludes facts, and iterating is what patterns ({@code from}) are for.
 */
final class ConsequenceVerifier extends ExpressionVerifier {

    ConsequenceVerifier(RuleNames names, RuleScope scope, Refusals refusals) {
        super(names, scope, refusals);
    }

    /** Checks the consequence text that starts at {@code offset} of the DRL. */
    void check(String text, int offset) {
        // Parsed as one block, so text that would close Drools' generated method early cannot parse.
        snippet = new Refusals.Snippet("{" + text + "\n}", offset - 1);
        scope.at(Place.CONSEQUENCE);
        refusals.parse(snippet, ParseStart.BLOCK, "the consequence").ifPresent(this::statement);
    }

    private void statement(Statement statement) {
        if (statement instanceof BlockStmt block) {
            scope.openBlock();
            block.getStatements().forEach(this::statement);
            scope.closeBlock();
        } else if (statement instanceof ExpressionStmt expression) {
            value(expression.getExpression());
        } else if (statement instanceof IfStmt test) {
            value(test.getCondition());
            inBlock(test.getThenStmt());
            test.getElseStmt().ifPresent(this::inBlock);
        } else if (!(statement instanceof EmptyStmt)) {
            refuse(statement, notAllowed(statement));
        }
    }

    private void inBlock(Statement statement) {
        scope.openBlock();
        statement(statement);
        scope.closeBlock();
    }

    private static String notAllowed(Statement statement) {
        if (statement instanceof WhileStmt || statement instanceof DoStmt || statement instanceof ForStmt
                || statement instanceof ForEachStmt) {
            return "loops are not allowed in a consequence (a loop may never end); match each element with a pattern"
                    + " 'from' the collection instead";
        }
        if (statement instanceof TryStmt || statement instanceof ThrowStmt) {
            return "try and throw are not allowed in a consequence; a rule concludes facts";
        }
        String kind = statement.getClass().getSimpleName().replace("Stmt", "").toLowerCase(java.util.Locale.ROOT);
        return "a '" + kind + "' statement is not allowed in a consequence: a consequence may hold expressions, local"
                + " variables and if/else, and concludes facts with insert, insertLogical, update or delete";
    }
}
