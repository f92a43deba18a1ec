package org.optreport.site.markdown;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

/** A page of a thousand nested block quotes overflowed Flexmark's recursion and killed the preview server. */
class NestingLimitTest {
    @Test void deeplyNestedQuotesFailWithTheLine() {
        ContentException e = assertThrows(ContentException.class, () -> Pages.parse("Text.\n\n" + ">".repeat(1000) + " deep\n"));
        assertTrue(e.getMessage().contains("test-page.md:6: block quotes nested more than"), e.getMessage());
    }

    @Test void ordinaryQuotesAndComparisonsAreFine() {
        assertDoesNotThrow(() -> Pages.render("> > > three levels\n\nA line with $a > b$ and > inside.\n"));
    }
}
