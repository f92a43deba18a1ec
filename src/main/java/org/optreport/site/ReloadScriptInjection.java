package org.optreport.site;

import java.nio.charset.StandardCharsets;

/**
 * Adds the live-reload script to an HTML page as the preview server sends it under {@code serve --watch}. Only the
 * response changes: the files in the site folder, which are what gets published, never carry it.
 */
final class ReloadScriptInjection {
    /** Where the preview server serves the script and the event stream: outside any path the site itself uses. */
    static final String PREFIX = "/_optreport/";
    static final String SCRIPT_PATH = PREFIX + "live-reload.js";
    static final String EVENTS_PATH = PREFIX + "events";

    private ReloadScriptInjection() {}

    /** The page with the script tag before its closing body tag (or at its end), carrying the id it was served at. */
    static byte[] into(byte[] html, String outcomeId) {
        String page = new String(html, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + SCRIPT_PATH + "\" data-since=\"" + outcomeId + "\"></script>\n";
        int body = lastClosingBody(page);
        String injected = body < 0 ? page + tag : page.substring(0, body) + tag + page.substring(body);
        return injected.getBytes(StandardCharsets.UTF_8);
    }

    /** Compared in place, case-insensitively: lower-casing the page first could shift the index. */
    private static int lastClosingBody(String page) {
        for (int i = page.length() - "</body".length(); i >= 0; i--)
            if (page.regionMatches(true, i, "</body", 0, "</body".length())) return i;
        return -1;
    }
}
