package dev.dualdb.media;

/** The kind of a lesson resource. */
public enum ResourceType {

    /** A PDF file. */
    PDF,

    /** A word-processor document (Word, OpenDocument text, RTF, EPUB). */
    DOCUMENT,

    /** A slide deck (PowerPoint, OpenDocument presentation). */
    PRESENTATION,

    /** A spreadsheet (Excel, OpenDocument spreadsheet, CSV). */
    SPREADSHEET,

    /** Any other plain text. */
    TEXT,

    /** An archive (ZIP, tar, 7z, gzip). */
    ARCHIVE,

    /** Anything else. */
    OTHER

}
