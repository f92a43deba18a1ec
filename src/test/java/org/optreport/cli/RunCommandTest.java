package org.optreport.cli;

import static org.optreport.cli.CommandLineRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.Json;
import org.optreport.experiment.settings.Setting;

class RunCommandTest {
    /** Runs the CLI capturing standard error. */
    /** Runs the CLI capturing standard output. */
    private static String output(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void helpListsEveryParameterWithItsDefaultAndWhatItAllows() {
        String help = output("run", "--help");
        assertTrue(help.contains("default 2; an integer in [1, 64]"), "landscape depth's declared range:\n" + help);
        assertTrue(help.lines().allMatch(line -> line.length() <= 120), "lines fit the width:\n" + help);
        String words = help.replaceAll("\\s+", " ");
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (String name : registry.names())
            for (Setting<?> p : registry.get(name).parameters()) {
                String declared = p.key() + " " + p.description() + " default " + p.defaultText() + "; " + p.allowed();
                assertTrue(words.contains(declared.replaceAll("\\s+", " ")), name + "." + p.key() + " is not listed as declared:\n" + help);
            }
    }

    @Test void writesAResultFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        assertEquals(0, run(new ByteArrayOutputStream(), "run", "nonconvexity", "-p", "grid=11", "-o", out.toString()));
        assertEquals("nonconvexity/v2", Json.read(Files.readString(out)).get("schema").asText());
    }

    @Test void aDashWritesTheResultToStandardOutputAndNoFile(@TempDir Path dir) throws Exception {
        String printed = output("run", "nonconvexity", "-p", "grid=11", "-o", "-");
        assertEquals("nonconvexity/v2", Json.read(printed).get("schema").asText(), "standard output is the result alone");
        assertTrue(Files.notExists(Path.of("-")), "no file named '-'");
    }

    @Test void badParametersExitWith2AndWriteNothing(@TempDir Path dir) {
        String[][] bad = {
                {"-p", "nosuchkey=1"}, {"-p", "grid=0"}, {"-p", "range=-1"}, {"-p", "dataset=nowhere"}, {"-p", "grid"}};
        for (String[] b : bad) {
            Path out = dir.resolve("r.json");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] args = new String[b.length + 4];
            args[0] = "run";
            args[1] = "nonconvexity";
            System.arraycopy(b, 0, args, 2, b.length);
            args[b.length + 2] = "-o";
            args[b.length + 3] = out.toString();
            assertEquals(2, run(err, args), String.join(" ", b));
            String message = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(1, message.lines().count(), "one line: " + message);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", b));
        }
    }

    @Test void badParametersOfEveryExperimentExitWith2(@TempDir Path dir) {
        String[][] bad = {
                {"landscape", "depth=0"}, {"landscape", "width=-3"}, {"landscape", "learningRate=-1"}, {"landscape", "dataset=nowhere"},
                {"trajectory", "depth=0"}, {"trajectory", "learningRate=0"}, {"trajectory", "loss=l3"},
                {"ultrawide", "widths=0"}, {"ultrawide", "learningRate=-0.5"}};
        for (String[] b : bad) {
            Path out = dir.resolve("r.json");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "run", b[0], "-p", b[1], "-o", out.toString()), String.join(" ", b));
            String message = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(1, message.lines().count(), "one line: " + message);
            assertTrue(message.contains(b[1].substring(0, b[1].indexOf('='))) || message.contains("nowhere"), message);
            assertFalse(Files.exists(out));
        }
    }

    @Test void malformedCsvDatasetNamesFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b,y\n1,2,3\n4,oops,6\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path out = dir.resolve("r.json");
        assertEquals(2, run(err, "run", "landscape", "-p", "dataset=" + csv, "-p", "steps=10", "-o", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(csv + ":3, column 'b': 'oops' is not a number"), err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(out));
    }

    @Test void unknownExperimentExitsWith2(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "run", "nosuch", "-o", dir.resolve("x.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown experiment 'nosuch'"));
    }

    @Test void aResultFileIsWorldReadableAndReplacesOnlyAnEarlierResult(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        assertEquals(0, run(new ByteArrayOutputStream(), "run", "nonconvexity", "-p", "grid=5", "-o", out.toString()));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(0, run(new ByteArrayOutputStream(), "run", "nonconvexity", "-p", "grid=7", "-o", out.toString()), "an earlier result");
        Path notes = Files.writeString(dir.resolve("notes.json"), "{\"mine\": true}");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "run", "nonconvexity", "-p", "grid=5", "-o", notes.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not an optreport result"), err.toString(StandardCharsets.UTF_8));
        assertEquals("{\"mine\": true}", Files.readString(notes));
    }

    @Test void aFolderOrALinkAsTheResultFileIsRefusedUntouched(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("results"));
        Files.writeString(folder.resolve("keep.txt"), "keep");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "run", "nonconvexity", "-p", "grid=5", "-o", folder.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("it is a folder"), err.toString(StandardCharsets.UTF_8));
        Path target = Files.writeString(dir.resolve("target.txt"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        assertEquals(2, run(new ByteArrayOutputStream(), "run", "nonconvexity", "-p", "grid=5", "-o", link.toString()));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));
        assertEquals("keep", Files.readString(folder.resolve("keep.txt")));
    }

    /** A learning rate of 100 on the standardized diabetes data blows the loss up within two steps. */
    @Test void aDivergedRunSaysSoWithStepAndLossAndStillWritesItsResult(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "run", "landscape", "-p", "learningRate=100", "-p", "steps=50", "-o", out.toString()));
        var result = Json.read(Files.readString(out));
        assertTrue(result.get("diverged").asBoolean());
        assertEquals("optreport: landscape diverged: " + result.get("divergence").asText() + "; " + out + " records it",
                err.toString(StandardCharsets.UTF_8).trim());
        assertTrue(result.get("divergence").asText().matches("loss grew from \\S+ to \\S+ by step " + result.get("divergedAtStep").asInt()),
                result.get("divergence").asText());
    }

    @Test void strictExitsWith1OnlyWhenTheRunDiverged(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Main.FAILURE, run(err, "run", "landscape", "--strict", "-p", "learningRate=100", "-p", "steps=50", "-o", out.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("landscape diverged: loss grew"), err.toString(StandardCharsets.UTF_8));
        assertTrue(Json.read(Files.readString(out)).get("diverged").asBoolean(), "the result is written all the same");
        assertEquals(0, run(new ByteArrayOutputStream(), "run", "landscape", "--strict", "-p", "steps=50", "-o", out.toString()));
    }

    /** Width 3 at 1.99 / lambda_max: the kernel dynamics converge, the narrow network does not. */
    @Test void aDivergedUltrawideNetworkIsNamedByWidthAndSeed(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "run", "ultrawide", "-p", "widths=3", "-p", "seeds=1", "-p", "samples=32", "-p", "learningRateFraction=1.99",
                "-p", "steps=300", "-o", dir.resolve("u.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("optreport: ultrawide (width 3, seed 1) diverged: loss grew from"),
                err.toString(StandardCharsets.UTF_8));
    }

    /** Refused by RunLimits before anything is allocated, not by EJML's "Matrix size exceeds the size of an integer" mid-run. */
    @Test void anImpossibleNetworkIsRefusedUpFrontNamingItsParametersAndTheLimit(@TempDir Path dir) {
        Path out = dir.resolve("r.json");
        for (String experiment : new String[] {"landscape", "trajectory"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(2, run(err, "run", experiment, "-p", "width=100000", "-p", "depth=3", "-o", out.toString()), experiment);
            String message = err.toString(StandardCharsets.UTF_8).trim();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.contains("width=100000"), message);
            assertFalse(message.contains("Matrix size exceeds"), message);
            assertFalse(Files.exists(out));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "run", "landscape", "-p", "width=100000", "-p", "depth=3", "-o", out.toString()));
        assertEquals("optreport: landscape cannot run: layer W_2 of 100,000 x 100,000: 10,000,000,000 entries (depth=3, width=100000), "
                + "more than the 2,147,483,639 a Java array or EJML matrix can hold; lower depth or width", err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test void aKeyGivenTwiceIsABadInput(@TempDir Path dir) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "run", "nonconvexity", "-p", "grid=5", "-p", "grid=7", "-o", dir.resolve("r.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("'grid' is given twice"), err.toString(StandardCharsets.UTF_8));
    }
}
