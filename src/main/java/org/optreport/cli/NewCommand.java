package org.optreport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.optreport.files.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Starts a page: 'new page NAME' writes content/NAME.md with front matter, a figure, a quoted value, "
                + "a claim and a reference that build as they are, to edit into your own. 'list' shows what else a page can use."})
final class NewCommand implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Parameters(index = "0", paramLabel = "page", description = "What to start (only: page).")
    String what;

    @Parameters(index = "1", paramLabel = "NAME", description = "The page's file name without .md: lower case, digits, '-'.")
    String name;

    @Option(names = "--content", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Override public Integer call() throws Exception {
        if (!what.equals("page")) throw new OptionException("new " + what + ": only 'new page NAME' exists");
        if (!NAME.matcher(name).matches())
            throw new OptionException("new page " + name + ": a page name has lower-case letters, digits and '-' (it becomes NAME.html)");
        if (!Files.isDirectory(content)) throw new OptionException(content + ": no such content folder");
        Path page = content.resolve(name + ".md");
        if (Files.exists(page)) throw new OptionException(page + " exists already; choose another name");
        AtomicFiles.write(page, scaffold(name));
        System.out.println("wrote " + page + "; build with: java -jar target/optreport.jar build --quick --only " + name
                + " (after one whole build), or see it live with serve --watch --quick");
        return 0;
    }

    /** A page that builds as it is, using the cheapest study (one run of a few seconds). */
    static String scaffold(String name) {
        return """
                ---
                title: "%s"
                order: 90
                description: A new page of the report.
                ---

                ## A figure and a number

                Plain Markdown with math, $\\varphi(w_1, w_2)$, places any study's figures and quotes its numbers.
                The toy loss of @page:part1-nonconvexity has its saddle at the origin, where the loss is
                {{nonconvexity.lossAtOrigin}}, and the barrier between its two valleys of minima is
                {{nonconvexity.barrier}} {{claim nonconvexity.barrier > 0}}.

                ::: figure nonconvexity.landscape {#fig:%s-landscape}
                The excess loss over the plane of the two weights: say here what the reader should see.
                :::

                @fig:%s-landscape is numbered like every figure of its page. `java -jar target/optreport.jar list`
                shows every figure, table, value and setting a page can use.
                """.formatted(name, name, name);
    }
}
