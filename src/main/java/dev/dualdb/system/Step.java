package dev.dualdb.system;

/**
 * The boundaries between the single-store steps of the multi-store operations (DESIGN
 * §4), in the order each operation reaches them. Fault-injection tests fail or stop a
 * store at each of them to prove that a crash there leaves only garbage the reconciler
 * recognises.
 */
public enum Step {

    /** An upload's bytes are in the blob store; its rows are not written yet. */
    UPLOAD_BYTES_STORED("upload.bytes-stored"),

    /** An upload's rows are committed; the response is not sent yet. */
    UPLOAD_ROWS_WRITTEN("upload.rows-written"),

    /** A media row is deleted and its bytes queued; the response is not sent yet. */
    MEDIA_ROW_DELETED("media.delete.row-deleted"),

    /** The collector deleted the rows of a blob; its bytes are still there. */
    COLLECTOR_ROWS_DELETED("collector.rows-deleted"),

    /** The collector deleted a blob's bytes; its queue entry is still there. */
    COLLECTOR_BYTES_DELETED("collector.bytes-deleted"),

    /** A new product's document is written; its media rows are not. */
    PRODUCT_DOCUMENT_WRITTEN("product.create.document-written"),

    /** A product's document is deleted; its media rows are not. */
    PRODUCT_DOCUMENT_DELETED("product.delete.document-deleted"),

    /** A course's document is deleted; its media rows are not. */
    COURSE_DOCUMENT_DELETED("course.delete.document-deleted"),

    /** A lesson is removed from its course's document; its media rows are not deleted. */
    LESSON_DOCUMENT_UPDATED("lesson.delete.document-updated");

    private final String label;

    Step(String label) {
        this.label = label;
    }

    /**
     * The boundary's name as logs and test reports show it.
     * @return a dotted name such as {@code upload.bytes-stored}
     */
    public String label() {
        return this.label;
    }

    @Override
    public String toString() {
        return this.label;
    }

}
