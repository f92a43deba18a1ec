package org.optreport.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineTest {
    @Test void theModelNameIsTheFirstProcessorsWithoutPadding() {
        List<String> cpuinfo = List.of("processor\t: 0", "vendor_id\t: AuthenticAMD", "model\t\t: 1",
                "model name\t: AMD EPYC 7B13", "processor\t: 1", "model name\t: Other CPU");
        assertEquals("AMD EPYC 7B13", Machine.modelName(cpuinfo));
    }

    @Test void aFileWithoutModelNameNamesNone() {
        // as on some ARM kernels, which name the CPU by its implementer and part numbers only
        assertNull(Machine.modelName(List.of("processor\t: 0", "CPU implementer\t: 0x41", "model name")));
    }
}
