package org.optreport.site.markdown;

import org.optreport.site.claims.Claim;
import org.optreport.site.claims.ClaimSyntaxException;

/** Claims inside Markdown: parsed where they are read, so a syntax error names the page line and the claim's column. */
final class ClaimSyntax {
    private ClaimSyntax() {}

    /** @param offset where the claim's markup starts in the body, for the line of an error */
    static Claim parse(String text, int offset) {
        try {
            // a claim may wrap over lines in a paragraph; as one line its columns stay those of the text
            return Claim.parse(text.replace('\n', ' '));
        } catch (ClaimSyntaxException e) {
            throw new DialectException(offset, "in the claim '" + text.replace('\n', ' ') + "': " + e.getMessage());
        }
    }
}
