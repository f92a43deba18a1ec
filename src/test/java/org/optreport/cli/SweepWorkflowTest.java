package org.optreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What can be checked of .github/workflows/sweep.yml without GitHub (actionlint is not available here): it parses, its
 * jobs, outputs and artifacts are wired to each other, every optreport command in it is one the command line accepts,
 * and the deploy job is the one pages.yml uses too.
 */
class SweepWorkflowTest {
    private static final Path WORKFLOWS = Path.of(".github", "workflows");
    private static final Pattern NEEDS_OUTPUT = Pattern.compile("needs\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{[^}]*}}");

    private static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    private final JsonNode sweep;
    private final JsonNode jobs;

    SweepWorkflowTest() throws IOException {
        sweep = yaml(WORKFLOWS.resolve("sweep.yml"));
        jobs = sweep.get("jobs");
    }

    @Test void theNumberOfShardsIsAnInputOf8ByDefault() {
        JsonNode shards = sweep.path("on").path("workflow_dispatch").path("inputs").path("shards");
        assertEquals("number", shards.path("type").asText());
        assertEquals(8, shards.path("default").asInt());
        assertEquals("${{ inputs.shards }}", sweep.path("env").path("SHARDS").asText());
    }

    @Test void theMatrixHasOneJobPerShardFromThePlan() {
        assertEquals("${{ fromJSON(needs.plan.outputs.shards) }}", jobs.path("shard").path("strategy").path("matrix").path("shard").asText());
        String output = jobs.path("plan").path("outputs").path("shards").asText();
        Matcher step = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(output);
        assertTrue(step.find(), output);
        JsonNode writer = step(jobs.path("plan"), s -> step.group(1).equals(s.path("id").asText()));
        assertTrue(writer.path("run").asText().contains(step.group(2) + "=[$(seq -s, 1 \"$SHARDS\")]"), writer.toString());
    }

    @Test void everyNeedAndEveryOutputUsedExists() {
        for (var job : (Iterable<java.util.Map.Entry<String, JsonNode>>) jobs::fields) {
            Set<String> needs = needs(job.getValue());
            for (String need : needs) assertTrue(jobs.has(need), job.getKey() + " needs " + need);
            Matcher used = NEEDS_OUTPUT.matcher(job.getValue().toString());
            while (used.find()) {
                assertTrue(needs.contains(used.group(1)), job.getKey() + " uses " + used.group() + " without needing " + used.group(1));
                assertTrue(jobs.path(used.group(1)).path("outputs").has(used.group(2)), used.group() + " is not an output");
            }
        }
    }

    @Test void eachShardBuildsItsPartAndUploadsWhatItWroteUnderANameTheMergeDownloads() {
        JsonNode shard = jobs.path("shard");
        assertTrue(run(shard, "--shard").contains("--shard \"${{ matrix.shard }}/$SHARDS\""));
        String copy = run(shard, "-newer");
        JsonNode upload = step(shard, s -> s.path("uses").asText().startsWith("actions/upload-artifact@"));
        String folder = upload.path("with").path("path").asText();
        assertTrue(copy.contains("../../" + folder + "/"), "the upload is the folder the new entries are copied to: " + copy);
        String name = upload.path("with").path("name").asText();
        assertEquals("shard-cache-${{ matrix.shard }}", name);

        JsonNode assemble = jobs.path("assemble");
        JsonNode download = step(assemble, s -> s.path("with").has("pattern"));
        String pattern = download.path("with").path("pattern").asText(), into = download.path("with").path("path").asText();
        for (int i = 1; i <= 256; i++)
            assertTrue(FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(name.replace("${{ matrix.shard }}", Integer.toString(i)))));
        assertTrue(run(assemble, "cache merge").contains("cache merge " + into + "/" + pattern + " --into .optreport/cache"));
        assertTrue(needs(assemble).contains("shard"), "the merge waits for every shard");
    }

    @Test void theAssemblingBuildComesAfterTheMergeAndComputesNothing() {
        List<String> runs = new ArrayList<>();
        for (JsonNode s : jobs.path("assemble").path("steps")) runs.add(s.path("run").asText(""));
        int merge = indexOf(runs, "cache merge"), build = indexOf(runs, "--require-cached");
        assertTrue(merge >= 0 && build > merge, runs.toString());
        assertFalse(runs.get(build).contains("--cache"), "it reads the cache the merge wrote (.optreport/cache)");
    }

    @Test void theJarIsBuiltOnceAndEveryOtherJobDownloadsIt() {
        String name = step(jobs.path("plan"), s -> s.path("uses").asText().startsWith("actions/upload-artifact@")).path("with").path("name").asText();
        for (String job : List.of("shard", "assemble")) {
            JsonNode download = step(jobs.path(job), s -> name.equals(s.path("with").path("name").asText()));
            assertEquals("target", download.path("with").path("path").asText());
        }
    }

    /** Each `java -jar target/optreport.jar ...` line parses with the real command line (options and their values). */
    @Test void everyOptreportCommandIsOneTheCommandLineAccepts() {
        int commands = 0;
        for (JsonNode job : jobs) {
            for (JsonNode s : job.path("steps")) {
                for (String line : s.path("run").asText("").split("\n")) {
                    int at = line.indexOf("java -jar target/optreport.jar ");
                    if (at < 0) continue;
                    String command = line.substring(at + "java -jar target/optreport.jar ".length()).split("\\|")[0];
                    List<String> args = words(EXPRESSION.matcher(command).replaceAll("1").replace("$SHARDS", "8").replace("$i", "2")
                            .replace("$CONFIG", "content/sweep.yaml"));
                    try {
                        Main.commandLine().parseArgs(args.toArray(String[]::new));
                    } catch (CommandLine.ParameterException e) {
                        fail(line.trim() + ": " + e.getMessage());
                    }
                    commands++;
                }
            }
        }
        assertTrue(commands >= 5, "plan (2), shard, merge, assemble: found " + commands);
    }

    @Test void bothWorkflowsDeployThroughTheSameReusableJob() throws IOException {
        for (String workflow : List.of("sweep.yml", "pages.yml")) {
            JsonNode deploy = yaml(WORKFLOWS.resolve(workflow)).path("jobs").path("deploy");
            assertEquals("./.github/workflows/deploy-pages.yml", deploy.path("uses").asText(), workflow);
            assertEquals("write", deploy.path("permissions").path("pages").asText(), workflow);
        }
        JsonNode reusable = yaml(WORKFLOWS.resolve("deploy-pages.yml"));
        assertTrue(reusable.path("on").has("workflow_call"));
        assertEquals("actions/deploy-pages@v4", reusable.path("jobs").path("deploy").path("steps").get(0).path("uses").asText());
    }

    @Test void localActionsExist() throws IOException {
        Matcher local = Pattern.compile("\"uses\":\"\\./([^\"]+)\"").matcher(jobs.toString());
        int found = 0;
        while (local.find()) {
            Path target = Path.of(local.group(1));
            if (target.toString().endsWith(".yml")) assertTrue(Files.isRegularFile(target), target.toString());
            else assertEquals("composite", yaml(target.resolve("action.yml")).path("runs").path("using").asText(), target.toString());
            found++;
        }
        assertTrue(found >= 2);
    }

    private static Set<String> needs(JsonNode job) {
        Set<String> needs = new HashSet<>();
        JsonNode n = job.path("needs");
        if (n.isTextual()) needs.add(n.asText());
        for (JsonNode item : n) needs.add(item.asText());
        return needs;
    }

    private static JsonNode step(JsonNode job, java.util.function.Predicate<JsonNode> which) {
        for (JsonNode s : job.path("steps")) if (which.test(s)) return s;
        throw new AssertionError("no such step in " + job);
    }

    private static String run(JsonNode job, String containing) {
        return step(job, s -> s.path("run").asText("").contains(containing)).path("run").asText();
    }

    private static int indexOf(List<String> runs, String containing) {
        for (int i = 0; i < runs.size(); i++) if (runs.get(i).contains(containing)) return i;
        return -1;
    }

    /** Shell words: spaces separate, double quotes group (enough for these commands). */
    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) words.add(m.group(1) != null ? m.group(1) : m.group(2));
        return words;
    }
}
