package org.optreport.report.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.ParameterException;
import org.optreport.experiment.Parameters;
import org.optreport.experiment.settings.Interval;
import org.optreport.experiment.settings.Setting;
import org.optreport.experiment.settings.SettingType;

/** An experiment parameter and a report.yaml setting read the same text the same way: same value, or refused alike. */
class SameVerdictTest {
    private static final Path FILE = Path.of("content/report.yaml");

    /** The value, or "refused: expected ..." with the allowed part of the error. */
    private static String asParameter(Setting<?> s, String text) {
        try {
            return String.valueOf(Parameters.of("x", List.of(s), Map.of(s.key(), text)).get(s));
        } catch (ParameterException e) {
            assertTrue(e.getMessage().startsWith("parameter " + s.key() + "=" + text.trim() + " is not allowed: "), e.getMessage());
            return "refused: " + e.getMessage().substring(e.getMessage().indexOf("expected"));
        }
    }

    private static String asStudySetting(Setting<?> s, String text) {
        try {
            return String.valueOf(new StudyConfig("study", Map.of(s.key(), text), FILE, false).get(s));
        } catch (ConfigException e) {
            assertTrue(e.getMessage().startsWith(FILE + ": study." + s.key() + ": '" + text + "' is not allowed: "), e.getMessage());
            return "refused: " + e.getMessage().substring(e.getMessage().indexOf("expected"));
        }
    }

    @Test void bothReadersGiveTheSameVerdictForTheSameText() {
        Map<Setting<?>, List<String>> cases = Map.of(
                Setting.of("depth", SettingType.integer(1, 64), 2, "depth"), List.of("1", " 64", "0", "65", "2.5", "x"),
                Setting.of("fraction", SettingType.real(Interval.open(0, 2)), 1.0, "fraction"), List.of("1.5", "0", "2", "NaN", "1e-3"),
                Setting.of("rates", SettingType.reals(Interval.openClosed(0, 10)), List.of(0.1), "rates"), List.of("0.1,0.2", "[0.5, 1]", "0,1", ""),
                Setting.of("samples", SettingType.wordOr("all", SettingType.integer(2, 442)), Optional.empty(), "samples"),
                List.of("all", "10", "1", "443", "All"),
                Setting.of("loss", SettingType.choice("l2", "l4"), "l2", "loss"), List.of("l4", " l2 ", "l3"));
        int refused = 0;
        for (Map.Entry<Setting<?>, List<String>> c : cases.entrySet())
            for (String text : c.getValue()) {
                String verdict = asParameter(c.getKey(), text);
                assertEquals(verdict, asStudySetting(c.getKey(), text), c.getKey().key() + "=" + text);
                if (verdict.startsWith("refused")) refused++;
            }
        assertTrue(refused >= 10, "the cases include refusals: " + refused);
    }
}
