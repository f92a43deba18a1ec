package org.optreport.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data cache sizes of the first CPU (Linux sysfs), for sizing the bandwidth benchmark's working sets; where the
 * machine does not report them, typical sizes of a current server core (32 KiB, 1 MiB, 32 MiB).
 */
record CacheSizes(long l1, long l2, long l3) {
    static CacheSizes ofThisMachine() {
        long l1 = 32 << 10, l2 = 1 << 20, l3 = 32 << 20;
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction")) continue;
                int level = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                long size = parseSize(Files.readString(index.resolve("size")).trim());
                if (level == 1) l1 = size;
                else if (level == 2) l2 = size;
                else if (level == 3) l3 = size;
            } catch (IOException | RuntimeException e) {
                break;
            }
        }
        return new CacheSizes(l1, l2, l3);
    }

    /** "32K", "512K", "32768K", "1M" as sysfs writes them. */
    static long parseSize(String text) {
        char unit = Character.toUpperCase(text.charAt(text.length() - 1));
        long scale = unit == 'K' ? 1L << 10 : unit == 'M' ? 1L << 20 : unit == 'G' ? 1L << 30 : 1;
        String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        return Long.parseLong(digits) * scale;
    }
}
