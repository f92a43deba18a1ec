package org.optreport.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import com.sun.management.HotSpotDiagnosticMXBean;

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

    /**
     * The first processor's {@code model name} of /proc/cpuinfo's lines, with its family, model and stepping numbers
     * where the file gives them (a virtual machine may name only the brand, "AMD EPYC"; the numbers still say which
     * generation), and for AMD the microarchitecture they stand for where {@link Microarchitecture} knows it ("AMD EPYC
     * (family 25, model 1, stepping 1: Zen 3, "Milan")"), or null when there is no model name.
     */
    static String modelName(List<String> cpuinfo) {
        String name = null, vendor = null, family = null, model = null, stepping = null;
        for (String line : cpuinfo) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String key = line.substring(0, colon).trim(), value = line.substring(colon + 1).trim();
            if (key.equals("processor") && name != null) break;   // the first processor's lines only
            switch (key) {
                case "model name" -> name = value;
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = value;
                case "model" -> model = value;
                case "stepping" -> stepping = value;
                default -> { }
            }
        }
        if (name == null || name.isEmpty()) return null;
        if (family == null || model == null) return name;
        String microarchitecture = isAmd(vendor, name) ? amdMicroarchitecture(family, model) : null;
        return name + " (family " + family + ", model " + model + (stepping == null ? "" : ", stepping " + stepping)
                + (microarchitecture == null ? "" : ": " + microarchitecture) + ")";
    }

    /** The vendor is AMD: its vendor id says so, or, where the file gives none, the model name starts with the brand. */
    private static boolean isAmd(String vendor, String name) {
        return vendor != null ? vendor.equals("AuthenticAMD") : name.startsWith("AMD ");
    }

    private static String amdMicroarchitecture(String family, String model) {
        try {
            return Microarchitecture.amd(Integer.parseInt(family), Integer.parseInt(model));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The clock the kernel reports for the first CPU ({@code cpu MHz} in /proc/cpuinfo), NaN where there is none. */
    public static double clockMHz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (line.startsWith("cpu MHz") && colon > 0) return Double.parseDouble(line.substring(colon + 1).trim());
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable
        }
        return Double.NaN;
    }

    /**
     * The widest vector the JIT compiler uses, in bits (HotSpot's MaxVectorSize, in bytes, times 8): what its
     * auto-vectorized loops can reach, which may be narrower than the CPU's widest (HotSpot 17 keeps AVX2 on some
     * AVX-512 machines). 0 where the JVM does not say.
     */
    public static int vectorBits() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return 8 * Integer.parseInt(bean.getVMOption("MaxVectorSize").getValue());
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** One data (or unified) cache of the first CPU as sysfs describes it: level, type ("Data", "Unified") and size text. */
    public record Cache(int level, String type, String size) {
        /** The size in bytes: "32K", "512K", "32768K", "1M" as sysfs writes them. */
        public long bytes() {
            char unit = Character.toUpperCase(size.charAt(size.length() - 1));
            long scale = unit == 'K' ? 1L << 10 : unit == 'M' ? 1L << 20 : unit == 'G' ? 1L << 30 : 1;
            String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
            return Long.parseLong(digits) * scale;
        }
    }

    /** The first CPU's data and unified caches from sysfs, in its order (L1d, L2, L3); empty where sysfs says nothing. */
    public static List<Cache> dataCaches() {
        List<Cache> out = new ArrayList<>();
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction")) continue;
                out.add(new Cache(Integer.parseInt(Files.readString(index.resolve("level")).trim()), type,
                        Files.readString(index.resolve("size")).trim()));
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        return out;
    }

    /** The data caches of the first CPU by level, e.g. "L1d 32K, L2 512K, L3 32768K"; empty where unknown. */
    public static String caches() {
        List<String> out = new ArrayList<>();
        for (Cache c : dataCaches()) out.add("L" + c.level() + (c.type().equals("Data") ? "d" : "") + " " + c.size());
        return String.join(", ", out);
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
