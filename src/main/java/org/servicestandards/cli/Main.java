package org.servicestandards.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** {@code java -jar service-standards.jar serve|check|validate …} */
@Command(name = "service-standards", mixinStandardHelpOptions = true, version = "service-standards 0.1.0",
        description = "Holds customer-service work to written standards.",
        subcommands = {ServeCommand.class, CheckCommand.class, ValidateCommand.class, PublishCommand.class, KeysCommand.class, ImportCommand.class, ImpactCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
