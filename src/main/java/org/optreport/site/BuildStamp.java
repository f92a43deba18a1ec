package org.optreport.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.optreport.host.Machine;

/**
 * The reproducibility stamp in every page's footer: what built this report, where and when. The build's duration is
 * not known while the pages are rendered: they carry {@link BuildTime}'s mark, replaced by the one measured total.
 */
public record BuildStamp(String commit, String buildDate, String jvm, String os, String cpu, int cores) {

    /** Reads the environment; {@code projectDir} is where git is asked for the commit (null if not a repository). */
    public static BuildStamp of(Path projectDir) {
        return new BuildStamp(gitCommit(projectDir),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                Machine.jvm(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                Machine.cpu(), Machine.cores());
    }

    static String gitCommit(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--short=12", "HEAD")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9a-f]{7,40}")) return null;
            Process dirty = new ProcessBuilder("git", "-C", dir.toString(), "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            String changes = new String(dirty.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            dirty.waitFor(10, TimeUnit.SECONDS);
            return changes.isEmpty() ? out : out + " (with uncommitted changes)";
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
