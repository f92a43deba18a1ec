package org.optreport.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The optreport command line: {@code build}, {@code serve}, {@code run}, {@code bench}, {@code list}. */
@Command(name = "optreport", mixinStandardHelpOptions = true, version = "optreport 0.1",
        description = "Runs deep-learning optimization experiments and builds them into a static report site.",
        subcommands = {BuildCommand.class, ServeCommand.class, RunCommand.class, BenchCommand.class, NewCommand.class, ListCommand.class, CacheCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad usage or bad input (configuration, content, parameters, data, output paths, option values). */
    public static final int BAD_INPUT = 2;
    /** Exit code for everything else: a bug, a file system error, a run that diverged under --strict. */
    public static final int FAILURE = 1;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, print the stack trace after the one-line message (an internal error always prints it); "
            + "a build also prints every run with its settings (always written to the build log in the cache folder).")
    boolean verbose;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** No command is a usage error (exit 2, with the usage on standard error), not a quiet success. */
    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: build, serve, run, bench or list");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        return execute(commandLine(), args);
    }

    /** The commands and how their failures are reported; a test may add a command that fails the way it needs. */
    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.getSubcommands().get("run").getCommandSpec().usageMessage().width(120).footer(RunCommand.experimentHelp());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(e, commandLine.getErr(), main.verbose));
        return cli;
    }

    static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli passes on errors (out of memory, stack overflow, a missing class): reported the same way
            return fail(e, cli.getErr(), cli.<Main>getCommand().verbose);
        }
    }

    private static int fail(Throwable e, PrintWriter err, boolean verbose) {
        FailureKind kind = FailureKind.of(e);
        err.println("optreport: " + kind.label + FailureMessage.of(e));
        if (verbose || kind.alwaysPrintsTrace) e.printStackTrace(err);
        err.flush();
        return kind.exitCode;
    }
}
