package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.optreport.data.DataException;
import org.optreport.experiment.ParameterException;
import org.optreport.files.OutputException;
import org.optreport.report.study.ConfigException;
import org.optreport.errors.ContentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Which failures exit with 2 (the user's input) and which with 1, and what each prints: checked on a command that throws them. */
class ExitCodeTest {
    /** Stands for any command: throws what the test gives it, as a check or a bug deep inside a real command would. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final Throwable failure;

        Failing(Throwable failure) { this.failure = failure; }

        @Override public Integer call() throws Exception {
            if (failure instanceof Exception e) throw e;
            throw (Error) failure;
        }
    }

    record Outcome(int exitCode, String stderr) {
        long lines() { return stderr.trim().lines().count(); }
    }

    private static Outcome fail(Throwable failure, String... options) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.addSubcommand("fail", new Failing(failure));
            String[] args = Stream.concat(Stream.of(options), Stream.of("fail")).toArray(String[]::new);
            return new Outcome(Main.execute(cli, args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    static Stream<RuntimeException> inputErrors() {
        return Stream.of(
                new ParameterException("parameter grid=0 is not allowed: expected an integer in [3, 2001]"),
                new ConfigException(Path.of("content/report.yaml"), "landscape.depths", "expected a list of integers"),
                new ContentException(Path.of("content/index.md"), 7, "unknown directive 'figur'"),
                DataException.at("bad.csv", 3, "b", "'oops' is not a number"),
                new OutputException(Path.of("notes.txt"), "it is a file; name a folder"),
                new OptionException("--jobs must be at least 1 (or 0 for one per core), got -5"));
    }

    @ParameterizedTest @MethodSource("inputErrors")
    void everyInputErrorExitsWith2InOneLine(RuntimeException input) {
        Outcome o = fail(input);
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.stderr());
        assertEquals("optreport: " + input.getMessage(), o.stderr().trim());
    }

    /** The build wraps a failure to name the study, page or run: the input error inside still decides the exit code. */
    @ParameterizedTest @MethodSource("inputErrors")
    void anInputErrorWrappedByTheBuildStillExitsWith2(RuntimeException input) {
        Outcome o = fail(new IllegalStateException("study landscape: its results could not be analysed: " + input, input));
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.stderr());
        assertEquals(1, o.lines(), o.stderr());
        assertTrue(o.stderr().contains(input.getMessage()), o.stderr());
    }

    static Stream<RuntimeException> bugs() {
        return Stream.of(
                new IllegalArgumentException("step 5 after 7"), // a precondition in the code, not the user's input
                new IllegalStateException("every ultrawide run diverged"),
                new NullPointerException("Cannot invoke \"JsonNode.asDouble()\" because \"node\" is null"),
                new RuntimeException("run failed: landscape", new ArrayIndexOutOfBoundsException("Index 10 out of bounds for length 10")));
    }

    @ParameterizedTest @MethodSource("bugs")
    void aBugExitsWith1AsAnInternalErrorWithItsStackTrace(RuntimeException bug) {
        Outcome o = fail(bug);
        assertEquals(Main.FAILURE, o.exitCode(), o.stderr());
        assertEquals("optreport: internal error: " + bug.getMessage(), o.stderr().lines().findFirst().orElseThrow());
        assertTrue(o.stderr().contains(bug.getClass().getName() + ": " + bug.getMessage()), o.stderr());
        assertTrue(o.stderr().contains("\tat org.optreport.cli.ExitCodeTest"), "the stack trace: " + o.stderr());
    }

    @Test void aFileSystemErrorExitsWith1InOneLineWithoutCallingItABug() {
        Outcome o = fail(new UncheckedIOException(new AccessDeniedException("/srv/site/index.html")));
        assertEquals(Main.FAILURE, o.exitCode(), o.stderr());
        assertEquals(1, o.lines(), o.stderr());
        assertTrue(o.stderr().contains("/srv/site/index.html"), o.stderr());
        assertFalse(o.stderr().contains("internal error"), o.stderr());
    }

    @Test void runningOutOfHeapExitsWith1InOneLineSayingWhatToDo() {
        Outcome o = fail(new OutOfMemoryError("Java heap space"));
        assertEquals(Main.FAILURE, o.exitCode(), o.stderr());
        assertEquals(1, o.lines(), o.stderr());
        assertTrue(o.stderr().startsWith("optreport: out of memory") && o.stderr().contains("-Xmx"), o.stderr());
    }

    @Test void verboseAddsTheStackTraceToAnInputError() {
        Outcome o = fail(new ParameterException("parameter grid=0 is not allowed"), "--verbose");
        assertEquals(Main.BAD_INPUT, o.exitCode(), o.stderr());
        assertTrue(o.stderr().startsWith("optreport: parameter grid=0 is not allowed\n"), o.stderr());
        assertTrue(o.stderr().contains("\tat org.optreport.cli.ExitCodeTest"), o.stderr());
    }
}
