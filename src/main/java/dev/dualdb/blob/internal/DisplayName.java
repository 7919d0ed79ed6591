package dev.dualdb.blob.internal;

import java.text.Normalizer;

/**
 * A client's file name, kept only to be shown and offered back as a download name, never
 * used as a path: the last path segment only (either kind of slash), no control or
 * invisible formatting characters (a right-to-left override can make {@code evil‮gnp.exe}
 * read as {@code evilexe.png}), whitespace collapsed, at most {@value #MAX_LENGTH}
 * characters (the extension kept when a long name is cut), and never empty.
 *
 * @param value the sanitised name
 */
public record DisplayName(String value) {

    /** The length of the {@code file_name} columns, and a common file system limit. */
    public static final int MAX_LENGTH = 255;

    /** The name used when a client sent none, or nothing of it survives sanitising. */
    public static final String FALLBACK = "file";

    private static final int MAX_EXTENSION = 16;

    /** Sanitises {@code clientFileName} (may be {@code null}). */
    public static DisplayName of(String clientFileName) {
        if (clientFileName == null) {
            return new DisplayName(FALLBACK);
        }
        String name = Normalizer.normalize(clientFileName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach((c) -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (kept.length() > 0 && kept.charAt(kept.length() - 1) != ' ') {
                    kept.append(' ');
                }
            }
            else if (visible(c)) {
                kept.appendCodePoint(c);
            }
        });
        // Leading and trailing spaces and trailing dots are invisible or dropped by file
        // systems.
        String cleaned = kept.toString().strip().replaceAll("[. ]+$", "");
        if (cleaned.isEmpty() || cleaned.chars().allMatch((c) -> c == '.')) {
            return new DisplayName(FALLBACK);
        }
        return new DisplayName(limited(cleaned));
    }

    private static boolean visible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                false;
            default -> true;
        };
    }

    /**
     * Cuts to {@link #MAX_LENGTH} code points, keeping a short extension and never
     * splitting a character.
     */
    private static String limited(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = (dot > 0) ? name.substring(dot) : "";
        if (extension.codePointCount(0, extension.length()) > MAX_EXTENSION) {
            extension = "";
        }
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        String base = (dot > 0 && !extension.isEmpty()) ? name.substring(0, dot) : name;
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
