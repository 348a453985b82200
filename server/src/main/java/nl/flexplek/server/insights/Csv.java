package nl.flexplek.server.insights;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * A CSV document as RFC 4180 has it: a header row, comma-separated cells, CRLF line ends, a cell quoted when it
 * holds a comma, a quote or a line break (quotes doubled). Text that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so an estate name like
 * {@code =HYPERLINK(...)} is shown, never evaluated.
 */
final class Csv {
    static final String MEDIA_TYPE = "text/csv; charset=utf-8; header=present";

    private final StringBuilder out = new StringBuilder();

    Csv(String... header) {
        row((Object[]) header);
    }

    /** Adds a row: null is an empty cell, numbers are written plainly (no exponent), other values as text. */
    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    static String cell(Object value) {
        return switch (value) {
            case null -> "";
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> text(value.toString());
        };
    }

    private static String text(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Sends the document as a download with this file name (which must be plain: letters, digits, '-', '.'). */
    void sendAttachment(ServerResponse res, String filename) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"");
        res.send(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
