package org.optreport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark figures depend on besides the code: the CPU, the cores the JVM sees, the JVM. */
public final class Machine {
    private Machine() {}

    /** The CPU's model name from /proc/cpuinfo, or os.arch where that file does not exist. */
    public static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (line.startsWith("model name") && colon > 0) return line.substring(colon + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }

    public static int cores() { return Runtime.getRuntime().availableProcessors(); }

    public static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** One line, e.g. {@code AMD EPYC, 2 cores, OpenJDK 64-Bit Server VM 17.0.15+6, Linux amd64}. */
    public static String describe() {
        return cpu() + ", " + cores() + " cores, " + jvm() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }
}
