package org.optreport.site.citations;

import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BibliographyTest {

    private static ContentException failure(String text) {
        return assertThrows(ContentException.class, () -> Bibliography.parse(Bibs.FILE, text));
    }

    @Test
    void entriesKeepTheirLine() {
        assertEquals(7, Bibs.bibliography().find("ghadimi2013stochastic").orElseThrow().line());
    }

    @Test
    void latexAccentsBecomeLetters() {
        assertEquals("Póczos", Bibs.bibliography().find("du2019gradient").orElseThrow().authors().get(2).family());
    }

    @Test
    void aBookNamesItsPublisherAsTheVenue() {
        BibEntry book = Bibliography.parse(Bibs.FILE,
                "@book{n04,\n author = {Nesterov, Yurii},\n title = {Lectures},\n publisher = {Kluwer},\n year = {2004}\n}\n")
                .find("n04").orElseThrow();
        assertEquals("Kluwer", book.venue());
    }

    @Test
    void givenFamilyOrderIsUnderstood() {
        assertEquals(new BibEntry.Author("Ghadimi", "Saeed"),
                Bibs.bibliography().find("ghadimi2013stochastic").orElseThrow().authors().get(0));
    }

    @Test
    void unclosedEntryNamesItsLine() {
        ContentException e = failure("@misc{a,\n  author = {A},\n  year = {2000}\n}\n\n@misc{b,\n  title = {unclosed\n");
        assertEquals(Bibs.FILE + ":6: malformed BibTeX: this entry is not closed", e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheLineOfTheBadToken() {
        ContentException e = failure("@misc{a,\n  author = {A},\n  year = 2000 2001\n}\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed BibTeX"), e.getMessage());
    }

    @Test
    void entryWithoutAuthorNamesItsLine() {
        ContentException e = failure("% sources\n\n@misc{anon,\n  title = {T},\n  year = {2000}\n}\n");
        assertEquals(Bibs.FILE + ":3: entry 'anon' has no author", e.getMessage());
    }

    @Test
    void entryWithoutYearNamesItsLine() {
        ContentException e = failure("@misc{a,\n  author = {A},\n  year = {2000}\n}\n@misc{undated,\n  author = {B}\n}\n");
        assertEquals(Bibs.FILE + ":5: entry 'undated' has no year", e.getMessage());
    }

    @Test
    void keyGivenTwiceNamesBothLines() {
        ContentException e = failure("@misc{a,\n  author = {A},\n  year = {2000}\n}\n@misc{a,\n  author = {B},\n  year = {2001}\n}\n");
        assertEquals(Bibs.FILE + ":5: the key 'a' is used twice (also at line 1)", e.getMessage());
    }
}
