package org.optreport.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.optreport.cli.CommandLineRun.run;

class NoCommandTest {
    @Test void noCommandIsAUsageErrorThatShowsTheCommands() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(Main.BAD_INPUT, run(err));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("a command is required"), text);
        assertTrue(text.contains("build") && text.contains("serve"), text);
    }
}
