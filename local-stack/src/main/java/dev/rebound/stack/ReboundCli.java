package dev.rebound.stack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rebound} command line: {@code rebound up} runs the whole suite on this machine. */
@Command(name = "rebound", mixinStandardHelpOptions = true, version = "rebound 0.1.0",
        description = "Rebound keeps software releases safe: it classifies failures, retries what is transient, "
                + "watches releases, rolls back bad ones and tells people.",
        subcommands = {UpCommand.class})
public final class ReboundCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ReboundCli()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
