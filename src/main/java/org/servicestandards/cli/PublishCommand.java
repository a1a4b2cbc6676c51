package org.servicestandards.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.servicestandards.app.Offline;
import org.servicestandards.rulesets.RuleSetArchive;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Validates a rules directory and makes it the version serving every node of the store's cluster:
 * what a build pipeline runs when rules merge, so they live in git and go live on merge.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Compile the rules and run their example cases; when they hold, make them the rule set every node "
                + "on the store serves (within seconds). Exit status 1 with every problem when they do not.",
                "Publishing a version that served before is allowed: the files are named explicitly, and the audit log keeps it."})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--rules", defaultValue = "${env:STANDARDS_RULES:-./rules}", description = "Rules directory (default ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--as", description = "Who publishes, for the audit log (default: command line and the user).")
    String as;

    @Override
    public Integer call() {
        try {
            RuleSetArchive.Serving serving = Offline.publish(store.config(), rules, Clock.systemUTC(),
                    as == null || as.isBlank() ? KeysCommand.actor() : as);
            System.out.println("published: " + serving.version() + " serves (publication " + serving.generation() + ")");
            return 0;
        } catch (RuleSetException e) {
            for (RuleProblem problem : e.problems()) {
                System.err.println(problem);
            }
            return 1;
        }
    }
}
