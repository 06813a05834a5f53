package dev.rebound.classifier.batch;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The classifier without Kafka or a database: {@code classify} a JSON Lines file, {@code evaluate} the rules
 * on labelled examples and the shared datasets.
 */
@Command(name = "rebound", mixinStandardHelpOptions = true, subcommands = {ClassifyCommand.class, EvaluateCommand.class},
        description = "Rebound's failure classifier, offline.")
public final class ClassifierCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether these arguments ask for an offline command rather than the service. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("classify") || args[0].equals("evaluate"));
    }

    public static int run(String[] args) {
        return new CommandLine(new ClassifierCli()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
