package org.optreport.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.Setting;

class ExperimentDefaultsTest {
    /** A default outside its own range would make every run that leaves the key out fail. */
    @Test void everyExperimentsDeclaredDefaultsPassItsOwnValidation() {
        ExperimentRegistry registry = ExperimentRegistry.standard();
        for (String name : registry.names()) {
            Experiment e = registry.get(name);
            Parameters defaults = Parameters.of(name, e.parameters(), Map.of());
            for (Setting<?> s : e.parameters()) assertEquals(s.defaultValue(), defaults.get(s), name + "." + s.key());
        }
    }
}
