package org.optreport.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.optreport.build.BuildLog;
import org.optreport.build.CodeFingerprint;
import org.optreport.build.KeptResults;
import org.optreport.build.RunCache;
import org.optreport.build.RunScheduler;
import org.optreport.build.Shard;
import org.optreport.experiment.ExperimentRegistry;
import org.optreport.experiment.RunLimits;
import org.optreport.files.FileErrors;
import org.optreport.files.FolderLock;
import org.optreport.files.FolderSwap;
import org.optreport.files.OutputFolder;
import org.optreport.files.TextFiles;
import org.optreport.site.chart.FigureCache;
import org.optreport.site.citations.Bibliography;
import org.optreport.site.citations.CitationCheck;
import org.optreport.site.citations.CitationStyle;
import org.optreport.site.markdown.MarkdownPages;
import org.optreport.site.markdown.ParsedPage;
import org.optreport.site.pdf.PaperSize;
import org.optreport.site.pdf.ReportPdf;
import org.optreport.site.pdf.TitlePage;
import org.optreport.site.templates.Templates;
import org.optreport.experiment.RunRequest;
import org.optreport.report.ReportConfig;
import org.optreport.report.Studies;
import org.optreport.report.output.StudyOutput;
import org.optreport.report.study.ConfigException;
import org.optreport.report.study.Run;
import org.optreport.report.study.RunPlan;
import org.optreport.report.study.RunResults;
import org.optreport.report.study.Study;
import org.optreport.report.study.StudyConfig;
import org.optreport.errors.ContentException;

/**
 * The report build, stage by stage: read the pages and the configuration, run (or reuse) the experiments the
 * pages need, analyse them into figures, tables and values, check the pages' claims, render the pages, check every link, and only then
 * swap the new site in place of the old one. A failure at any stage leaves the previous site untouched.
 */
public final class SiteBuilder {
    /**
     * What to build and how. {@code shard} non-null computes only that part of the runs into the cache; {@code pdf}
     * also prints the site into {@value ReportPdf#FILE_NAME}.
     */
    public record Options(Path contentDir, Path templatesDir, Path outDir, Path cacheDir, Path projectDir,
                          boolean quick, boolean fresh, int jobs, boolean strict, Shard shard, RunLimits limits, ClaimMode claims,
                          String only, Sweep sweep, boolean pdf) {
        /** The whole site. */
        public Options(Path contentDir, Path templatesDir, Path outDir, Path cacheDir, Path projectDir,
                       boolean quick, boolean fresh, int jobs, boolean strict, Shard shard, RunLimits limits, ClaimMode claims) {
            this(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, limits, claims, null, Sweep.NONE, false);
        }

        /** The same build, rendering only the page {@code name} (and running only the runs it needs). */
        public Options onlyPage(String name) {
            return new Options(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, limits, claims, name, sweep, pdf);
        }

        /** The same build, with the whole site printed as one PDF beside it ({@code build --pdf}). */
        public Options withPdf() {
            return new Options(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, limits, claims, only, sweep, true);
        }

        /** The same build with these sweep options ({@code --config}, {@code --require-cached}, {@code --plan}). */
        public Options with(Sweep sweep) {
            return new Options(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, limits, claims, only, sweep, pdf);
        }

        /** The settings file: {@code --config}, else {@code report.yaml} in the content folder. */
        public Path configFile() { return sweep.config() != null ? sweep.config() : contentDir.resolve("report.yaml"); }

        /** A claim that does not hold: as {@link ClaimMode#defaultFor} says for this build. */
        public Options(Path contentDir, Path templatesDir, Path outDir, Path cacheDir, Path projectDir,
                       boolean quick, boolean fresh, int jobs, boolean strict, Shard shard, RunLimits limits) {
            this(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, limits, ClaimMode.defaultFor(quick));
        }

        /** With the standard limits: this JVM's heap and an hour per run. */
        public Options(Path contentDir, Path templatesDir, Path outDir, Path cacheDir, Path projectDir,
                       boolean quick, boolean fresh, int jobs, boolean strict, Shard shard) {
            this(contentDir, templatesDir, outDir, cacheDir, projectDir, quick, fresh, jobs, strict, shard, RunLimits.standard());
        }
    }

    /**
     * How a build takes part in a sweep run on several machines.
     *
     * @param config        the settings file instead of the content folder's report.yaml (a sweep profile), or null
     * @param requireCached every run must come from the cache: the build that assembles the shards fails, naming the
     *                      runs, instead of computing what a shard should have
     * @param planOnly      print what would be computed (by the shard, with {@code --shard}) and its expected time, and stop
     */
    public record Sweep(Path config, boolean requireCached, boolean planOnly) {
        public static final Sweep NONE = new Sweep(null, false, false);
    }

    public record Summary(int pages, int figures, int tables, int runs, double seconds) {}

    /** The build's whole log, every run with its settings, in the cache folder (the console shows one progress line). */
    public static final String LOG_FILE = "build.log";

    /** The file that marks a folder as an optreport site, which a later build may therefore replace. */
    public static final String MARKER = ".optreport-site";

    /** A page larger than this is surely not prose (a log, a data dump, a link to a device). */
    static final long MAX_PAGE_BYTES = 4L << 20;

    private final ExperimentRegistry experiments;
    private final Studies studies;

    public SiteBuilder(ExperimentRegistry experiments, Studies studies) {
        this.experiments = experiments;
        this.studies = studies;
    }

    public static SiteBuilder standard() { return new SiteBuilder(ExperimentRegistry.standard(), Studies.standard()); }

    public Summary build(Options o, BuildLog log) throws IOException {
        if (!Files.isDirectory(o.contentDir())) throw new ContentException(o.contentDir(), 0, "content folder not found");
        if (!Files.isDirectory(o.templatesDir())) throw new ContentException(o.templatesDir(), 0, "templates folder not found");
        OutputFolder out = o.shard() == null && !o.sweep().planOnly() ? OutputFolder.of(o.outDir(), MARKER) : null;
        List<Path> inputs = List.of(o.contentDir(), o.templatesDir(), o.cacheDir());
        if (out != null) out.checkReplaceable(inputs); // before minutes of computing, and again once the folder is ours

        try (FolderLock outLock = out == null ? null : lock(out.sibling("lock"), "the output folder " + out.path(), log);
             FolderLock cacheLock = lock(o.cacheDir().resolve(".lock"), "the cache " + o.cacheDir(), log)) {
            FolderSwap swap = null;
            if (out != null) {
                swap = new FolderSwap(out);
                swap.recover(m -> log.info("recover", m));
                out.checkReplaceable(inputs);
            }
            return build(o, swap, log);
        }
    }

    /** One build at a time per output folder and per cache: a second one waits, saying so. */
    private static FolderLock lock(Path lockFile, String what, BuildLog log) {
        try {
            return FolderLock.acquire(lockFile, what, m -> log.info("wait", m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write beside " + what + ": " + FileErrors.describe(e), e);
        }
    }

    private Summary build(Options o, FolderSwap swap, BuildLog log) throws IOException {
        log.recordTo(o.cacheDir().resolve(LOG_FILE));
        try {
            return buildRecorded(o, swap, log);
        } finally {
            log.stopRecording();
        }
    }

    /** The results the last build in this JVM read, for the next ({@code serve --watch}): unchanged entries are not parsed again. */
    private static final KeptResults<RunResults.Read> KEPT_RESULTS = new KeptResults<>();

    /** Whether a build ran in this JVM before: the first one's time counts the JVM's start ({@link ProseRebuild}). */
    private static final java.util.concurrent.atomic.AtomicBoolean BUILT_IN_THIS_JVM = new java.util.concurrent.atomic.AtomicBoolean();

    private Summary buildRecorded(Options o, FolderSwap swap, BuildLog log) throws IOException {
        log.info("content", "reading " + o.contentDir() + " (the full log, every run with its settings: " + o.cacheDir().resolve(LOG_FILE) + ")");
        MarkdownPages markdown = new MarkdownPages();
        List<SitePage> pages = readPages(o.contentDir(), markdown);
        log.info("content", pages.size() + " pages");
        ReportConfig config = ReportConfig.load(o.configFile());
        CitationStyle citationStyle = CitationStyle.fromSettings(config.file(), config.citationSettings());
        Bibliography bibliography = readBibliography(o.contentDir().resolve(Bibliography.FILE_NAME));
        CitationCheck.check(pages.stream().map(SitePage::parsed).toList(), bibliography, m -> log.info("warning", m));

        PaperSize paper = PaperSize.fromSettings(config.file(), config.pdfSettings());
        // before minutes of computing: a PDF needs a browser, and the plain build never looks for one
        Path browser = o.pdf() && swap != null ? ReportPdf.findBrowser() : null;

        List<SitePage> rendered = o.only() == null ? pages : List.of(onlyPage(pages, o.only()));
        Plan plan = plan(rendered, config, o.quick());
        RunScheduler scheduler = new RunScheduler(experiments, new RunCache(o.cacheDir()), o.jobs(), o.fresh(), o.limits(), log);
        if (o.sweep().planOnly()) {
            scheduler.showPlan(plan.allRuns(), o.shard());
            return new Summary(0, 0, 0, plan.allRuns().size(), log.seconds());
        }
        if (swap == null) {
            int n = scheduler.runShard(plan.allRuns(), o.shard());
            for (String line : scheduler.lastTimes().lines()) log.info("times", line);
            return new Summary(0, 0, 0, n, log.seconds());
        }
        log.info("runs", plan.allRuns().size() + " runs for " + plan.studies().size() + " studies (jobs: " + o.jobs() + ")");
        // Each result is read into its record as it is loaded, on the run's thread, and its JSON tree dropped.
        Map<RunRequest, Class<?>> types = plan.resultTypes();
        Map<RunRequest, RunResults.Read> results = scheduler.runAll(plan.allRuns(), o.sweep().requireCached(),
                (request, document) -> RunResults.Read.of(document, types.get(request), request.toString()), KEPT_RESULTS);
        Map<String, StudyOutput> outputs = analyse(plan, RunResults.ofRead(results), o.strict(), log);
        RunScheduler.Counts counts = scheduler.lastCounts();
        int runCount = plan.allRuns().size();
        BuildTime time = new BuildTime();
        outputs.put(BuildBudget.NAME, BuildBudget.output(BuildRecords.read(o.cacheDir()),
                BuildRecords.fromEmptyCache(runCount, counts.computed(), counts.reused(), o.quick(), o.only() == null), runCount, time,
                scheduler.lastTimes().shares(), scheduler.lastTimes().heaviestConfiguration(), o.only() == null, o.jobs(),
                ProseRebuild.peakResidentBytes(PROCESS_STATUS)));
        ClaimCheck claims = ClaimCheck.run(rendered, outputs, o.claims(), log);

        Path staging = swap.stage();
        try {
            if (o.only() != null) keepTheOtherPages(o.outDir(), staging, log);
            FigureCache figures = new FigureCache(o.cacheDir().resolve("_figures"),
                    CodeFingerprint.running().of(FigureCache.DRAWING_CODE), m -> log.info("figures", m));
            figures.removeUnfinished();
            boolean linksPdf = browser != null || keepsPreviousPdf(o, staging, log);
            PageRenderer renderer = new PageRenderer(new Templates(o.templatesDir()), markdown, outputs, pages, rendered, staging, figures,
                    claims, bibliography, citationStyle, o.quick(), linksPdf ? ReportPdf.FILE_NAME : null, log);
            BuildStamp stamp = BuildStamp.of(o.projectDir());
            Summary summary = renderer.renderAll(stamp, time, log, plan.allRuns().size());
            log.info("figures", figures.drawn() + " of " + summary.figures() + " drawn, the others copied from the figure cache");
            copyAssets(staging);
            // The one reading that the footers and the summary line both show; taken before printing, so that the
            // printed pages carry it too (printing the PDF is timed on its own line).
            double seconds = log.seconds();
            time.fill(staging, seconds);
            double pdfSeconds = browser == null ? Double.NaN : printPdf(browser, staging, renderer, stamp, paper, o.quick(), log);
            List<String> broken = LinkChecker.check(staging);
            if (!broken.isEmpty())
                throw new ContentException(o.outDir(), 0, "broken links in the generated site:\n  " + String.join("\n  ", broken));
            swap.publish(staging, m -> log.info("warning", m));
            for (ClaimCheck.Failure failure : claims.failures()) log.info("failed", failure.toString());
            for (String line : scheduler.lastTimes().lines()) log.info("times", line);
            recordBuild(o, stamp, runCount, counts, figures.drawn(), seconds, log);
            BUILT_IN_THIS_JVM.set(true);
            int failures = claims.failures().size();
            String failed = failures == 0 ? "" : ", " + failures + (failures == 1 ? " claim" : " claims") + " failed (marked on the pages)";
            log.info("done", String.format(java.util.Locale.ROOT, "%d pages, %d figures, %d tables; %d runs (%d computed, %d reused%s)%s; %s s%s%s",
                    summary.pages(), summary.figures(), summary.tables(), summary.runs(), counts.computed(), counts.reused(),
                    counts.diverged() == 0 ? "" : ", " + counts.diverged() + " diverged", failed, BuildTime.format(seconds),
                    Double.isNaN(pdfSeconds) ? "" : " (the pages' footers say so), then " + BuildTime.format(pdfSeconds) + " s printing " + ReportPdf.FILE_NAME, o.quick() ? "; a preview (quick sizes)" : ""));
            log.info("open", o.outDir().resolve("index.html").toAbsolutePath().normalize().toUri()
                    + "  (or: java -jar target/optreport.jar serve" + (o.outDir().equals(Path.of("site")) ? "" : " --dir " + o.outDir()) + ")");
            return new Summary(summary.pages(), summary.figures(), summary.tables(), summary.runs(), seconds);
        } finally {
            FolderSwap.deleteTree(staging);
        }
    }

    /** Where Linux reports the process's peak resident memory. */
    private static final Path PROCESS_STATUS = Path.of("/proc/self/status");

    /**
     * Keeps this build's figure in the cache if it is a build the budget judges ({@link BuildRecords}); a prose rebuild
     * is timed from the JVM's start and logged with its verdict ({@link ProseRebuild}).
     */
    private static void recordBuild(Options o, BuildStamp stamp, int runCount, RunScheduler.Counts counts, int drawn, double seconds, BuildLog log) {
        var kind = BuildRecords.kindOf(runCount, counts.computed(), counts.reused(), drawn, o.quick(), o.only() == null);
        String when = java.time.Instant.now().toString();
        if (counts.computed() == 0 && drawn == 0) {
            boolean freshJvm = !BUILT_IN_THIS_JVM.getAndSet(true);
            if (!freshJvm) kind = kind.map(k -> k == BuildRecords.Kind.PROSE ? BuildRecords.Kind.WATCH : k);
            ProseRebuild.Figure rebuild = ProseRebuild.measure(log.seconds(), freshJvm);
            log.info("rebuild", rebuild.line());
            if (kind.isPresent()) BuildRecords.write(o.cacheDir(), kind.get(), new BuildRecords.Entry(when, stamp.commit(), rebuild.seconds(),
                    rebuild.peakResidentBytes(), 0, stamp.cores()));
        } else if (kind.isPresent()) {
            BuildRecords.write(o.cacheDir(), kind.get(), new BuildRecords.Entry(when, stamp.commit(), seconds,
                    ProseRebuild.peakResidentBytes(PROCESS_STATUS), counts.computed(), stamp.cores()));
        }
    }

    /**
     * {@code build --only} without {@code --pdf} keeps the previous build's PDF, as it keeps its other pages (it was
     * printed from them; the page rendered now is newer). Said on the console, since the PDF lags behind.
     */
    private static boolean keepsPreviousPdf(Options o, Path staging, BuildLog log) {
        if (o.only() == null || !Files.isRegularFile(staging.resolve(ReportPdf.FILE_NAME))) return false;
        log.info("pdf", ReportPdf.FILE_NAME + " is the previous build's (build --pdf prints it again)");
        return true;
    }

    /** {@code build --pdf}: the staged site printed into its {@value ReportPdf#FILE_NAME}, before the link check and the swap. */
    private static double printPdf(Path browser, Path staging, PageRenderer renderer, BuildStamp stamp, PaperSize paper, boolean quick,
                                 BuildLog log) throws IOException {
        log.info("pdf", "printing the pages with " + browser + " on " + paper.settingText() + " paper");
        long started = System.nanoTime();
        TitlePage title = new TitlePage(renderer.siteTitle(), renderer.siteDescription(), stamp.buildDate(), stamp.commit(),
                stamp.cpu() + " (" + stamp.cores() + " cores) · Java " + stamp.jvm() + " · " + stamp.os(), quick);
        ReportPdf.write(browser, staging, renderer.pdfChapters(), title, paper, staging.resolve(ReportPdf.FILE_NAME), m -> log.info("pdf", m));
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("pdf", ReportPdf.FILE_NAME + " written in " + BuildTime.format(seconds) + " s");
        return seconds;
    }

    /** The page {@code build --only NAME} renders; an unknown name lists the pages (with the closest one first). */
    private static SitePage onlyPage(List<SitePage> pages, String name) {
        String wanted = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        for (SitePage p : pages) if (p.name().equals(wanted)) return p;
        List<String> names = pages.stream().map(SitePage::name).toList();
        String hint = org.optreport.errors.DidYouMean.hint(wanted, names);
        throw new ContentException(Path.of(name), 0, "--only: no page named '" + wanted + "'" + (hint.isEmpty() ? "" : " (" + hint + ")")
                + "; pages: " + String.join(", ", names));
    }

    /**
     * {@code build --only}: the rest of the site is the previous build's, copied into the new one, so the page's
     * links to other pages keep working. Without a previous site there is nothing to keep: build the whole report once.
     */
    private static void keepTheOtherPages(Path previous, Path staging, BuildLog log) throws IOException {
        if (!Files.isRegularFile(previous.resolve(MARKER)) || !Files.isRegularFile(previous.resolve("index.html")))
            throw new ContentException(previous, 0, "--only renders one page into an existing site, and " + previous
                    + " holds none yet: build the whole report once first");
        try (Stream<Path> files = Files.walk(previous)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = staging.resolve(previous.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else if (!f.getFileName().toString().equals(MARKER)) Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log.info("only", "the other pages are the previous build's (" + previous + ")");
    }

    /** The optional {@value Bibliography#FILE_NAME}; without it, any citation is an unknown key. */
    private static Bibliography readBibliography(Path file) throws IOException {
        if (!Files.exists(file)) return Bibliography.empty();
        try {
            return Bibliography.parse(file, TextFiles.readUtf8(file, MAX_PAGE_BYTES));
        } catch (TextFiles.BadTextException e) {
            throw new ContentException(file, e.line(), e.getMessage(), e);
        }
    }

    /** The studies the pages use, each with its plan and runs, in page order. */
    private record Plan(List<PlannedStudy<?>> studies) {
        List<RunRequest> allRuns() { return studies.stream().flatMap(s -> s.runs().requests().stream()).toList(); }

        /** The record each run's result is read as (a request's experiment fixes it, whichever study planned it). */
        Map<RunRequest, Class<?>> resultTypes() {
            Map<RunRequest, Class<?>> types = new HashMap<>();
            for (PlannedStudy<?> s : studies) for (Run<?> run : s.runs().runs()) types.put(run.request(), run.resultType());
            return types;
        }
    }

    /** One study's plan: what its analysis receives, and the runs it added. */
    private record PlannedStudy<P>(Study<P> study, P plan, RunPlan runs) {
        static <P> PlannedStudy<P> of(Study<P> study, StudyConfig config) {
            RunPlan runs = new RunPlan();
            P plan = study.plan(config, runs);
            return new PlannedStudy<>(study, plan, runs);
        }

        StudyOutput analyze(RunResults results) { return study.analyze(plan, results); }
    }

    /** Reads each used study's settings (an unknown key is an error) and asks it for its plan. */
    private Plan plan(List<SitePage> pages, ReportConfig config, boolean quick) {
        List<PlannedStudy<?>> planned = new ArrayList<>();
        for (Study<?> s : studiesUsed(pages, config).values()) {
            StudyConfig c = config.forStudy(s.name(), quick);
            planned.add(PlannedStudy.of(s, c));
            for (String key : c.unreadKeys()) throw c.unknownKey(key);
        }
        return new Plan(planned);
    }

    /** Each study's figures, tables and values, with a warning for every run that diverged unexpectedly. */
    private static Map<String, StudyOutput> analyse(Plan plan, RunResults runResults, boolean strict, BuildLog log) {
        Map<String, StudyOutput> outputs = new TreeMap<>();
        for (PlannedStudy<?> s : plan.studies()) {
            String name = s.study().name();
            log.info("analyse", name);
            StudyOutput out;
            try {
                out = s.analyze(runResults);
            } catch (ContentException | ConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new IllegalStateException("study " + name + ": its results could not be analysed: " + e, e);
            }
            List<String> warnings = new ArrayList<>(out.warnings());
            int expected = 0;
            for (Run<?> run : s.runs().runs()) {
                if (!runResults.diverged(run)) continue;
                if (run.divergenceExpected()) {
                    expected++;
                    continue;
                }
                String why = runResults.divergence(run).orElse("its loss became non-finite or exploded");
                log.info("diverged", run + ": " + why);
                String w = "A run diverged: " + run + " (" + why + ")";
                if (strict) throw new DivergedException(w);
                if (!warnings.contains(w)) warnings.add(w);
            }
            if (expected > 0) log.info("diverged", name + ": " + expected + (expected == 1 ? " run" : " runs") + " diverged, as the study expects (it probes where runs diverge)");
            outputs.put(name, new StudyOutput(out.figures(), out.tables(), out.values(), out.meanings(), out.numbers(), warnings));
        }
        return outputs;
    }

    /** A page of the site: its source, parsed Markdown and output file name. */
    public record SitePage(String name, String href, ParsedPage parsed) {}

    private static List<SitePage> readPages(Path contentDir, MarkdownPages markdown) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(contentDir)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new ContentException(contentDir, 0, "cannot list the content folder: " + FileErrors.reason(e), e);
        }
        if (files.isEmpty()) throw new ContentException(contentDir, 0, "no Markdown pages (*.md) in the content folder");
        List<SitePage> pages = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString().replaceFirst("\\.md$", "");
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*"))
                throw new ContentException(f, 0, "page file names may hold only letters, digits, '-' and '_'");
            String text;
            try {
                text = TextFiles.readUtf8(f, MAX_PAGE_BYTES);
            } catch (TextFiles.BadTextException e) {
                throw new ContentException(f, e.line(), e.getMessage(), e);
            }
            ParsedPage parsed = markdown.parse(f, text);
            pages.add(new SitePage(name, name + ".html", parsed));
        }
        pages.sort(Comparator.<SitePage>comparingInt(p -> p.name().equals("index") ? 0 : 1)
                .thenComparingDouble(p -> p.parsed().frontMatter().order()).thenComparing(SitePage::name));
        return pages;
    }

    /** The studies whose figures, tables, values or numbers the pages use; an unknown study name fails with page and line. */
    private Map<String, Study<?>> studiesUsed(List<SitePage> pages, ReportConfig config) {
        Map<String, Study<?>> used = new LinkedHashMap<>();
        for (SitePage page : pages) {
            for (var f : page.parsed().figures())
                if (!isBuildOutput(f.name())) used.put(studyOf(page, f.name(), f.line()).name(), studyOf(page, f.name(), f.line()));
            for (var v : page.parsed().values())
                if (!isBuildOutput(v.key())) used.put(studyOf(page, v.key(), v.line()).name(), studyOf(page, v.key(), v.line()));
            for (var c : page.parsed().claims())
                for (String study : c.claim().studies()) used.put(study, claimStudy(page, c, study));
        }
        for (String section : config.sections())
            if (studies.find(section) == null)
                throw new ConfigException(config.file(), section, "no such study (" + studies.alternativesTo(section) + ")");
        return used;
    }

    /** A name the build itself answers ({@link BuildBudget}), not a study. */
    private static boolean isBuildOutput(String name) { return name.startsWith(BuildBudget.NAME + "."); }

    private Study<?> studyOf(SitePage page, String name, int line) {
        int dot = name.indexOf('.');
        Study<?> s = dot < 0 ? null : studies.find(name.substring(0, dot));
        if (s == null)
            throw new ContentException(page.parsed().source(), line, "'" + name + "' names no study output (expected STUDY.NAME; "
                    + studies.alternativesTo(dot < 0 ? name : name.substring(0, dot)) + ")");
        return s;
    }

    private Study<?> claimStudy(SitePage page, org.optreport.site.markdown.ClaimUse claim, String name) {
        Study<?> s = studies.find(name);
        if (s == null)
            throw new ContentException(page.parsed().source(), claim.line(), "in the claim '" + claim.text() + "': no study named '"
                    + name + "' (" + studies.alternativesTo(name) + ")");
        return s;
    }

    private static void copyAssets(Path site) throws IOException {
        Path assets = Files.createDirectories(site.resolve("assets"));
        copyResource("/assets/style.css", assets.resolve("style.css"));
        copyResource("/assets/favicon.svg", assets.resolve("favicon.svg"));
        Files.createDirectories(assets.resolve("mathjax"));
        String mathJax = "/META-INF/resources/webjars/mathjax/" + mathJaxVersion() + "/es5/";
        copyResource(mathJax + "tex-svg.js", assets.resolve("mathjax/tex-svg.js"));
        // equation numbers carry their page's chapter, "(2.4)": MathJax's loader fetches this next to tex-svg.js
        Path extensions = Files.createDirectories(assets.resolve("mathjax/input/tex/extensions"));
        copyResource(mathJax + "input/tex/extensions/tagformat.js", extensions.resolve("tagformat.js"));
        Files.writeString(site.resolve(".nojekyll"), "");
    }

    private static String mathJaxVersion() throws IOException {
        try (InputStream in = SiteBuilder.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/mathjax/pom.properties")) {
            if (in == null) throw new IOException("the MathJax webjar is not on the class path");
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = SiteBuilder.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing resource " + resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A run whose loss diverged, in a --strict build. */
    public static final class DivergedException extends RuntimeException {
        public DivergedException(String message) { super(message + " (--strict)"); }
    }

}
