package org.optreport.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The table against known parts, by their family and model as /proc/cpuinfo writes them (decimal). */
class MicroarchitectureTest {
    @Test void knownPartsAreNamed() {
        assertEquals("Zen 3, \"Milan\"", Microarchitecture.amd(25, 1));    // EPYC 7003 (0x01)
        assertEquals("Zen 4, \"Genoa\"", Microarchitecture.amd(25, 17));   // EPYC 9004 (0x11)
        assertEquals("Zen 3", Microarchitecture.amd(25, 33));              // Ryzen 5000 "Vermeer" (0x21)
        assertEquals("Zen 3+", Microarchitecture.amd(25, 68));             // Ryzen 6000 "Rembrandt" (0x44)
        assertEquals("Zen 4", Microarchitecture.amd(25, 97));              // Ryzen 7000 "Raphael" (0x61)
        assertEquals("Zen 4c", Microarchitecture.amd(25, 160));            // EPYC 9004 "Bergamo" (0xA0)
        assertEquals("Zen 2", Microarchitecture.amd(23, 49));              // EPYC 7002 "Rome" (0x31)
        assertEquals("Zen or Zen+", Microarchitecture.amd(23, 1));         // EPYC 7001 "Naples"
        assertEquals("Zen 5", Microarchitecture.amd(26, 2));
    }

    @Test void modelsOutsideTheTableStayUnnamed() {
        assertNull(Microarchitecture.amd(25, 0x90));   // a gap in family 25's ranges
        assertNull(Microarchitecture.amd(6, 85));      // another family
    }
}
