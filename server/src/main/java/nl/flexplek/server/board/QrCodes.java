package nl.flexplek.server.board;

import io.nayuki.qrcodegen.QrCode;

/**
 * QR codes as SVG: crisp at any size on a 4K kiosk and on a printed desk label. The encoding is qrcodegen's; this
 * only draws the modules, with the quiet zone of four modules the standard asks for.
 */
final class QrCodes {
    private static final int QUIET_ZONE = 4;

    private QrCodes() {
    }

    /** An SVG of the QR code of {@code text}, with medium error correction (labels get scuffed). */
    static String svg(String text, String title) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 %d %d" role="img" \
                shape-rendering="crispEdges"><title>%s</title>\
                <rect width="100%%" height="100%%" fill="#ffffff"/><path d="%s" fill="#000000"/></svg>
                """.formatted(size, size, escape(title), path);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
