package org.optreport.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudiesTest {
    @Test void aMisspeltStudyGetsTheStudyItWasMeantToBeAndTheList() {
        assertEquals("did you mean 'landscape'? studies: acceleration, landscape, nonconvexity, performance, trajectory, ultrawide",
                Studies.standard().alternativesTo("landscpe"));
    }

    @Test void aNameLikeNoStudyGetsTheListAlone() {
        assertEquals("studies: acceleration, landscape, nonconvexity, performance, trajectory, ultrawide", Studies.standard().alternativesTo("plots"));
    }
}
