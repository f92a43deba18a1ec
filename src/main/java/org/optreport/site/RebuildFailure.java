package org.optreport.site;

/**
 * Why a {@code serve --watch} rebuild failed, as the open pages show it: the file and line when the error names
 * them (a page, a template; {@code file} null and {@code line} 0 otherwise) and the message that says what is wrong.
 */
public record RebuildFailure(String file, int line, String message) {
    /** "content/a.md:12", "content/a.md" or null: what the overlay puts above the message. */
    public String location() {
        if (file == null) return null;
        return line > 0 ? file + ":" + line : file;
    }
}
