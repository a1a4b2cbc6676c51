package org.servicestandards.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.servicestandards.app.Offline;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compiles a rules directory; exit status 0 only when it compiles. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Compile the rules, run their example cases, and report every problem as file:line:column: message.")
final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--rules", defaultValue = "${env:STANDARDS_RULES:-./rules}", description = "Rules directory (default ${DEFAULT-VALUE}).")
    Path rules;

    @Override
    public Integer call() {
        try {
            RuleSet set = Offline.validate(rules);
            System.out.println("ok: " + set.version() + ", " + set.standards().size() + " standards, "
                    + set.rulesByPackage().values().stream().mapToInt(java.util.List::size).sum() + " rules, "
                    + set.exampleExpectations() + " expectations in " + set.exampleCases() + " example cases hold");
            return 0;
        } catch (RuleSetException e) {
            for (RuleProblem problem : e.problems()) {
                System.err.println(problem);
            }
            return 1;
        }
    }
}
