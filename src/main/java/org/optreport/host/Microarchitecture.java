package org.optreport.host;

/**
 * The microarchitecture of an AMD CPU from its family and model numbers, for a machine whose model name is only the
 * brand (a virtual machine's "AMD EPYC"): what a reader needs to know which vector units and FMA pipes it has. A small
 * table from AMD's published family/model assignments; anything outside it stays unnamed (null), rather than guessed.
 */
final class Microarchitecture {
    private Microarchitecture() {}

    /** One range of models of a family and its name. */
    private record Range(int family, int firstModel, int lastModel, String name) {}

    private static final Range[] TABLE = {
            new Range(23, 0x00, 0x2F, "Zen or Zen+"),
            new Range(23, 0x30, 0xFF, "Zen 2"),
            new Range(25, 0x00, 0x0F, "Zen 3, \"Milan\""),
            new Range(25, 0x10, 0x1F, "Zen 4, \"Genoa\""),
            new Range(25, 0x20, 0x3F, "Zen 3"),
            new Range(25, 0x40, 0x4F, "Zen 3+"),
            new Range(25, 0x50, 0x5F, "Zen 3"),
            new Range(25, 0x60, 0x7F, "Zen 4"),
            new Range(25, 0xA0, 0xAF, "Zen 4c"),
            new Range(26, 0x00, 0xFF, "Zen 5"),
    };

    /** The name for an AMD CPU's family and model (decimal, as /proc/cpuinfo writes them), or null where not in the table. */
    static String amd(int family, int model) {
        for (Range r : TABLE) if (r.family == family && model >= r.firstModel && model <= r.lastModel) return r.name;
        return null;
    }
}
