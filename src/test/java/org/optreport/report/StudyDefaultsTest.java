package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.optreport.experiment.settings.Setting;
import org.optreport.report.study.StudyConfig;

class StudyDefaultsTest {
    /** A default the study's own range refuses would be used without complaint, unlike the same value in report.yaml. */
    @Test void everyStudysDefaultsAndQuickDefaultsPassItsOwnValidation() {
        Studies studies = Studies.standard();
        for (String name : studies.names())
            for (Setting<?> s : studies.find(name).settings()) {
                assertEquals(s.defaultValue(), s.parse(s.defaultText()), name + "." + s.key());
                assertEquals(s.quickDefault(), s.parse(s.quickDefaultText()), name + "." + s.key() + " (quick)");
            }
    }

    /** Two declarations of one key would make report.yaml's one value mean two things. */
    @Test void aStudyDeclaresEachKeyOnce() {
        Studies studies = Studies.standard();
        for (String name : studies.names()) {
            Set<String> keys = new HashSet<>();
            for (Setting<?> s : studies.find(name).settings()) assertTrue(keys.add(s.key()), name + "." + s.key());
        }
    }

    /** Each study reads what it declares: a key it declares but never reads would be reported to users as unknown. */
    @Test void everyDeclaredSettingIsReadWhenTheStudyPlansItsRuns() {
        Studies studies = Studies.standard();
        for (String name : studies.names()) {
            Map<String, String> all = new TreeMap<>();
            for (Setting<?> s : studies.find(name).settings()) all.put(s.key(), s.defaultText());
            StudyConfig config = new StudyConfig(name, all, Path.of("report.yaml"), false);
            studies.find(name).plan(config, new org.optreport.report.study.RunPlan());
            assertEquals(Set.of(), config.unreadKeys(), name);
        }
    }
}
