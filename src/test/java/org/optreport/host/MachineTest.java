package org.optreport.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test void theModelNameIsTheFirstProcessorsWithoutPadding() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model name\t: AMD EPYC 7B13",
                "processor\t: 1", "model name\t: Other CPU");
        assertEquals("AMD EPYC 7B13", Machine.modelName(cpuinfo));
    }

    @Test void familyModelAndSteppingFollowTheNameOfTheFirstProcessor() {
        // a virtual machine's brand-only name: the numbers say which generation it is
        List<String> cpuinfo = List.of("processor\t: 0", "cpu family\t: 25", "model\t\t: 1", "model name\t: AMD EPYC",
                "stepping\t: 1", "processor\t: 1", "cpu family\t: 23", "model\t\t: 49", "model name\t: Other CPU");
        assertEquals("AMD EPYC (family 25, model 1, stepping 1: Zen 3, \"Milan\")", Machine.modelName(cpuinfo));
    }

    @Test void anotherVendorsFamilyAndModelAreNotNamedFromAmdsTable() {
        // Intel's family 6 has no entry, and an Intel family 25 would not be AMD's
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: GenuineIntel", "cpu family\t: 25", "model\t\t: 1",
                "model name\t: Some CPU", "stepping\t: 1");
        assertEquals("Some CPU (family 25, model 1, stepping 1)", Machine.modelName(cpuinfo));
    }

    @Test void aFileWithoutModelNameNamesNone() {
        // as on some ARM kernels, which name the CPU by its implementer and part numbers only
        assertNull(Machine.modelName(List.of("processor\t: 0", "CPU implementer\t: 0x41", "model name")));
    }
}
