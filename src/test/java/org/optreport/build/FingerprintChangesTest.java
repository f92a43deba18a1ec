package org.optreport.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.optreport.experiment.ExperimentRegistry;

/** Editing a class changes the fingerprints of the experiments that reach it, wherever it lives, and only theirs. */
class FingerprintChangesTest {
    private static final List<Class<?>> LANDSCAPE = ExperimentRegistry.standard().get("landscape").codeRoots();
    private static final List<Class<?>> ULTRAWIDE = ExperimentRegistry.standard().get("ultrawide").codeRoots();

    @TempDir Path dir;

    /** The ReLU network is trained by the ultrawide runs only. */
    @Test void aChangeIsSeenOnlyByTheExperimentsThatReachIt() throws Exception {
        Path classes = ClassFolderCopy.of(dir);
        CodeFingerprint before = CodeFingerprint.at(classes);
        String ultrawide = before.of(ULTRAWIDE), landscape = before.of(LANDSCAPE);
        ClassFolderCopy.addField(classes, "org/optreport/model/TwoLayerReluNetwork", "edited");
        CodeFingerprint after = CodeFingerprint.at(classes);
        assertNotEquals(ultrawide, after.of(ULTRAWIDE));
        assertEquals(landscape, after.of(LANDSCAPE));
    }

    /** A package list misses a class moved out of its packages; following references does not. */
    @Test void aClassMovedToAnotherPackageIsStillCovered() throws Exception {
        String moved = "org/optreport/numerics/SquaredLoss";
        Path classes = ClassFolderCopy.of(dir);
        ClassFolderCopy.move(classes, "org/optreport/model/SquaredLoss", moved);
        assertFalse(Files.exists(classes.resolve("org/optreport/model/SquaredLoss.class")));
        String landscape = CodeFingerprint.at(classes).of(LANDSCAPE);
        ClassFolderCopy.addField(classes, moved, "edited");
        assertNotEquals(landscape, CodeFingerprint.at(classes).of(LANDSCAPE));
    }
}
