package dev.dualdb.blob;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import dev.dualdb.blob.internal.DownloadName;

/**
 * The {@code Content-Disposition} header for serving stored bytes (RFC 6266). Only types
 * a browser shows without running anything are {@code inline} (images but SVG, videos,
 * PDF); everything else is an {@code attachment}, so an uploaded HTML page, say, is
 * downloaded rather than rendered on our origin. The file name is given twice: an ASCII
 * fallback in {@code filename} and, when the name is not plain ASCII, the exact name in
 * {@code filename*} (RFC 8187, formerly 5987) for browsers that read it. The name always
 * ends in an extension of the type the bytes were sniffed as, whatever the client called
 * the file.
 */
public final class Disposition {

    private Disposition() {
    }

    /**
     * Whether bytes of {@code contentType} may be shown in the browser.
     * @param contentType a media type, parameters allowed, or {@code null}
     * @return whether they are served {@code inline}
     */
    public static boolean isInline(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        if (type.equals("image/svg+xml")) {
            return false; // SVG can carry script
        }
        return type.startsWith("image/") || type.startsWith("video/") || type.equals("application/pdf");
    }

    /**
     * The header value for serving a file.
     * @param contentType the sniffed type it is served as
     * @param displayName its display name; sanitised again here, so any string is safe,
     * and made to end in an extension of {@code contentType} ({@link DownloadName})
     * @return the value of the {@code Content-Disposition} header
     */
    public static String header(String contentType, String displayName) {
        String name = DownloadName.of(displayName, contentType);
        String fallback = asciiFallback(name);
        StringBuilder header = new StringBuilder(isInline(contentType) ? "inline" : "attachment");
        header.append("; filename=\"").append(fallback).append('"');
        if (!fallback.equals(name)) {
            header.append("; filename*=UTF-8''").append(percentEncoded(name));
        }
        return header.toString();
    }

    /**
     * Letters with accents lose them ({@code é} → {@code e}); any other non-ASCII
     * character, a quote, a backslash or a percent sign (which some browsers decode)
     * becomes {@code _}.
     * @param name a sanitised display name
     * @return the name in printable ASCII
     */
    static String asciiFallback(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder ascii = new StringBuilder(stripped.length());
        stripped.codePoints()
            .forEach(
                    (c) -> ascii.append((c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%') ? (char) c : '_'));
        return ascii.toString();
    }

    /**
     * RFC 8187 {@code value-chars}: {@code attr-char} as is, every other UTF-8 byte as
     * {@code %XX}.
     * @param name a sanitised display name
     * @return the name encoded for {@code filename*}
     */
    static String percentEncoded(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            }
            else {
                encoded.append('%')
                    .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

}
