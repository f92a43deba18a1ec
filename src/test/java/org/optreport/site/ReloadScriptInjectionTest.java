package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReloadScriptInjectionTest {
    private static String inject(String html) {
        return new String(ReloadScriptInjection.into(html.getBytes(StandardCharsets.UTF_8), "abc-3"), StandardCharsets.UTF_8);
    }

    private static final String TAG = "<script src=\"/_optreport/live-reload.js\" data-since=\"abc-3\"></script>\n";

    @Test void theScriptGoesBeforeTheLastClosingBodyTag() {
        assertEquals("<p>İ</p><!-- </body> -->" + TAG + "</BODY></html>", inject("<p>İ</p><!-- </body> --></BODY></html>"));
    }

    @Test void aPageWithoutBodyTagGetsTheScriptAtItsEnd() {
        assertEquals("<p>fragment</p>" + TAG, inject("<p>fragment</p>"));
    }
}
