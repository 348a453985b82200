package nl.flexplek.server.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** CSV cells as RFC 4180 wants them, and text a spreadsheet would run as a formula made harmless. */
class CsvTest {

    @Test
    void quotesCellsWithSeparatorsQuotesAndLineBreaks() {
        assertEquals("plain", Csv.cell("plain"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.cell("two\nlines"));
        assertEquals("", Csv.cell(null));
        assertEquals("a,,\"b,c\"\r\n", new Csv().row("a", null, "b,c").toString().substring(2));
    }

    @Test
    void textThatStartsLikeAFormulaGetsAnApostrophe() {
        assertEquals("'=1+2", Csv.cell("=1+2"));
        assertEquals("'+31 20 123", Csv.cell("+31 20 123"));
        assertEquals("'-cmd", Csv.cell("-cmd"));
        assertEquals("'@SUM(A1)", Csv.cell("@SUM(A1)"));
        assertEquals("'\tx", Csv.cell("\tx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.cell("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("Zaal = groot", Csv.cell("Zaal = groot"), "only the first character matters");
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertEquals("-3", Csv.cell(-3), "a number is not text, so it is not defused");
        assertEquals("38.3", Csv.cell(38.3));
        assertEquals("30", Csv.cell(30.0));
        assertEquals("0.1", Csv.cell(0.1));
        assertEquals("true", Csv.cell(true));
    }
}
