package org.optreport.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.optreport.data.DataException;
import org.optreport.experiment.ParameterException;
import org.optreport.files.FileErrors;
import org.optreport.files.OutputException;
import org.optreport.site.ContentException;
import org.optreport.site.SiteBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import org.optreport.report.study.ConfigException;

/** The optreport command line: {@code build}, {@code serve}, {@code run}, {@code bench}. */
@Command(name = "optreport", mixinStandardHelpOptions = true, version = "optreport 0.1",
        description = "Runs deep-learning optimization experiments and builds them into a static report site.",
        subcommands = {BuildCommand.class, ServeCommand.class, RunCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad usage or bad input (configuration, content, parameters, data). */
    public static final int BAD_INPUT = 2;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On failure, print the full stack trace after the one-line message.")
    boolean verbose;

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.getSubcommands().get("run").getCommandSpec().usageMessage().width(120).footer(RunCommand.experimentHelp());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(e, commandLine.getErr(), main.verbose));
        try {
            return cli.execute(args);
        } catch (Error e) { // picocli passes on errors (out of memory, stack overflow): they end in one line too
            return fail(e, cli.getErr(), main.verbose);
        }
    }

    private static int fail(Throwable e, java.io.PrintWriter err, boolean verbose) {
        err.println("optreport: " + message(e));
        if (verbose) e.printStackTrace(err);
        else if (!isBadInput(e)) err.println("optreport: (--verbose prints the stack trace)");
        err.flush();
        return isBadInput(e) ? BAD_INPUT : 1;
    }

    static boolean isBadInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof ContentException || t instanceof ConfigException || t instanceof ParameterException
                    || t instanceof DataException || t instanceof OutputException || t instanceof IllegalArgumentException) return true;
        return false;
    }

    /** One line: the innermost message that says something, with the OS reason for file errors. */
    static String message(Throwable e) {
        if (e instanceof SiteBuilder.DivergedException) return e.getMessage();
        Throwable t = e;
        while (t.getCause() != null && t.getMessage() == null) t = t.getCause();
        if (t instanceof UncheckedIOException u) {
            // its message is ours ("cannot write the cache under X: ...") unless it was made from the cause alone
            String own = u.getMessage();
            if (own == null || own.equals(u.getCause().toString())) return FileErrors.describe(u.getCause());
            String reason = FileErrors.reason(u.getCause());
            return own.contains(reason) ? own : own + " (" + reason + ")";
        }
        if (t instanceof IOException io) return FileErrors.describe(io);
        if (t instanceof OutOfMemoryError) return "out of memory (the Java heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MiB): lower the sizes in report.yaml or the parameters, or raise the heap with -Xmx";
        if (t instanceof StackOverflowError) return "stack overflow (input nested too deeply?)";
        String text = t.getMessage() == null ? t.toString() : t.getMessage();
        return text.lines().count() > 12 ? String.join("\n", text.lines().limit(12).toList()) + "\n  ..." : text;
    }
}
