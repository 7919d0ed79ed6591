package dev.dualdb.media;

/** The kind of a lesson resource. */
public enum ResourceType {

    PDF, DOCUMENT, PRESENTATION, SPREADSHEET, TEXT, ARCHIVE, OTHER

}
