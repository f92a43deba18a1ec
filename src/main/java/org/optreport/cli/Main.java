package org.optreport.cli;

import java.io.UncheckedIOException;
import org.optreport.data.DataException;
import org.optreport.experiment.ParameterException;
import org.optreport.report.ConfigException;
import org.optreport.site.ContentException;
import org.optreport.site.SiteBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The optreport command line: {@code build}, {@code serve}, {@code run}, {@code bench}. */
@Command(name = "optreport", mixinStandardHelpOptions = true, version = "optreport 0.1",
        description = "Runs deep-learning optimization experiments and builds them into a static report site.",
        subcommands = {BuildCommand.class, ServeCommand.class, RunCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad usage or bad input (configuration, content, parameters, data). */
    public static final int BAD_INPUT = 2;

    @Override public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("run").getCommandSpec().usageMessage().width(120).footer(RunCommand.experimentHelp());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("optreport: " + message(e));
            return isBadInput(e) ? BAD_INPUT : 1;
        });
        return cli.execute(args);
    }

    static boolean isBadInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof ContentException || t instanceof ConfigException || t instanceof ParameterException
                    || t instanceof DataException || t instanceof IllegalArgumentException) return true;
        return false;
    }

    static String message(Throwable e) {
        if (e instanceof SiteBuilder.DivergedException) return e.getMessage();
        
        Throwable t = e;
        while (t.getCause() != null && (t instanceof UncheckedIOException || t.getMessage() == null)) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
