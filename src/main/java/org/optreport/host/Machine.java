package org.optreport.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine this JVM runs on, as the report names it: in the benchmarks' results (their figures depend on it)
 * and in every page's build stamp. A leaf package, so that neither of those users depends on the other.
 */
public final class Machine {
    private Machine() {}

    /** The CPU's model name from /proc/cpuinfo, or os.arch where that file does not exist or names none. */
    public static String cpu() {
        try {
            String model = modelName(Files.readAllLines(Path.of("/proc/cpuinfo")));
            if (model != null) return model;
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to the architecture
        }
        return System.getProperty("os.arch");
    }

    /** The first {@code model name : ...} of /proc/cpuinfo's lines, or null when there is none. */
    static String modelName(List<String> cpuinfo) {
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (line.startsWith("model name") && colon > 0) return line.substring(colon + 1).trim();
        }
        return null;
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
