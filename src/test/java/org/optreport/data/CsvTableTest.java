package org.optreport.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    private static CsvTable read(String text) { return CsvTable.read(new StringReader(text), "data.csv"); }

    private static String error(String text) {
        return assertThrows(DataException.class, () -> read(text)).getMessage();
    }

    @Test void readsNumbersByColumnName() {
        CsvTable t = read("a,b,c\n1,2,3\n4,5,6\n");
        assertEquals(List.of("a", "b", "c"), t.columns());
        assertArrayEquals(new double[][] {{3, 1}, {6, 4}}, t.select(List.of("c", "a")));
    }

    @Test void raggedRowNamesLine() {
        assertTrue(error("a,b\n1,2\n3\n").startsWith("data.csv:3: row has 1 cells but the header has 2"));
    }

    @Test void nonNumericCellNamesLineAndColumn() {
        assertEquals("data.csv:3, column 'b': 'x' is not a number", error("a,b\n1,2\n3,x\n"));
    }

    @Test void nonFiniteCellIsRejected() {
        assertTrue(error("a,b\n1,NaN\n").contains("data.csv:2, column 'b': 'NaN' is not a finite number"));
        assertTrue(error("a,b\n1,Infinity\n").contains("column 'b'"));
    }

    @Test void emptyFileAndHeaderOnlyAreRejected() {
        assertTrue(error("").contains("empty"));
        assertTrue(error("a,b\n").contains("no data rows"));
    }

    @Test void unknownColumnIsNamed() {
        CsvTable t = read("a,b\n1,2\n");
        DataException e = assertThrows(DataException.class, () -> t.select(List.of("zeta")));
        assertTrue(e.getMessage().contains("column 'zeta': no such column (columns: a, b)"), e.getMessage());
    }

    @Test void anUnknownColumnCloseToOneSuggestsIt() {
        CsvTable t = read("dose,response\n1,2\n");
        DataException e = assertThrows(DataException.class, () -> t.select(List.of("respons")));
        assertTrue(e.getMessage().contains("column 'respons': no such column (did you mean 'response'?; columns: dose, response)"), e.getMessage());
    }

    @Test void duplicateHeaderIsRejected() {
        assertTrue(error("a,a\n1,2\n").contains("duplicate column"));
    }
}
