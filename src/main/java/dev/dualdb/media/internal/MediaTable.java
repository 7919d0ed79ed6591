package dev.dualdb.media.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.OwnerKind;

/**
 * The four metadata tables, described once: which table, what its owner column holds,
 * whether rows name a lesson. The repositories' shared operations, the reconciler's
 * inventory, owner-wide deletion and the blob reference checks are all written against
 * this description, so a new media table is one constant here (plus its migration and its
 * repository for the columns of its own).
 */
public enum MediaTable {

    /** {@code product_images}: owned by a product. */
    PRODUCT_IMAGES(MediaKind.PRODUCT_IMAGE, "product_images", "mongo_product_id", null, OwnerKind.PRODUCT, "TRUE"),

    /**
     * {@code course_videos}: owned by a course, optionally attached to one of its
     * lessons.
     */
    COURSE_VIDEOS(MediaKind.COURSE_VIDEO, "course_videos", "mongo_course_id", "lesson_id", OwnerKind.COURSE,
            "is_preview"),

    /** {@code course_resources}: owned by a course, attached to one of its lessons. */
    COURSE_RESOURCES(MediaKind.COURSE_RESOURCE, "course_resources", "mongo_course_id", "lesson_id", OwnerKind.COURSE,
            "FALSE"),

    /** {@code media_storage}: owned by whatever its {@code reference_type} names. */
    MEDIA_STORAGE(MediaKind.MEDIA_STORAGE, "media_storage", "reference_id", null, null, "reference_type = 'PRODUCT'");

    private final MediaKind kind;

    private final String table;

    private final String ownerColumn;

    private final String lessonColumn;

    private final OwnerKind owner;

    private final String publicExpression;

    MediaTable(MediaKind kind, String table, String ownerColumn, String lessonColumn, OwnerKind owner,
            String publicExpression) {
        this.kind = kind;
        this.table = table;
        this.ownerColumn = ownerColumn;
        this.lessonColumn = lessonColumn;
        this.owner = owner;
        this.publicExpression = publicExpression;
    }

    /**
     * The table that holds media of {@code kind}.
     * @param kind a kind of media
     * @return its table
     */
    public static MediaTable of(MediaKind kind) {
        for (MediaTable candidate : values()) {
            if (candidate.kind == kind) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("No table for " + kind);
    }

    /**
     * The table's name.
     * @return the SQL name
     */
    public String table() {
        return this.table;
    }

    /**
     * The kind of media the table holds.
     * @return the kind
     */
    public MediaKind kind() {
        return this.kind;
    }

    /**
     * The column that holds the owner's id.
     * @return the SQL column name
     */
    public String ownerColumn() {
        return this.ownerColumn;
    }

    /**
     * A SQL condition on {@code :owner} for a row that must belong to that owner;
     * {@code TRUE} for {@code media_storage}, whose rows are addressed by id alone.
     * @return the condition
     */
    public String belongsToOwner() {
        return (this.owner != null) ? this.ownerColumn + " = :owner" : "TRUE";
    }

    /**
     * A SQL expression giving the owner's kind of a row ({@code 'PRODUCT'}, or the
     * {@code reference_type} column).
     * @return the expression
     */
    public String ownerKindExpression() {
        return (this.owner != null) ? "'" + this.owner.name() + "'" : "reference_type";
    }

    /**
     * A SQL expression telling whether a row is public (its bytes served to anyone,
     * cacheable): product images, preview videos and the other media of products. The
     * rest is private to those who may see its owner's media.
     * @return the boolean expression
     */
    public String publicExpression() {
        return this.publicExpression;
    }

    /**
     * A SQL expression giving the lesson a row is attached to, {@code NULL} if the table
     * has none.
     * @return the expression
     */
    public String lessonExpression() {
        return (this.lessonColumn != null) ? this.lessonColumn : "NULL";
    }

    /**
     * Where rows owned by owners of {@code kind} keep that owner's id: the column and the
     * condition that picks those rows; empty if this table has none.
     * @param kind a kind of owner
     * @return the column and condition, if any
     */
    public Optional<OwnedBy> ownedBy(OwnerKind kind) {
        if (this.owner == null) {
            return Optional.of(new OwnedBy(this, "reference_id", "reference_type = '" + kind.name() + "'"));
        }
        if (this.owner == kind) {
            return Optional.of(new OwnedBy(this, this.ownerColumn, "TRUE"));
        }
        if (kind == OwnerKind.LESSON && this.lessonColumn != null) {
            return Optional.of(new OwnedBy(this, this.lessonColumn, "TRUE"));
        }
        return Optional.empty();
    }

    /**
     * Every table with rows owned by owners of {@code kind}, with the column that holds
     * the owner's id.
     * @param kind a kind of owner
     * @return the tables, in declaration order
     */
    public static List<OwnedBy> rowsOf(OwnerKind kind) {
        return Arrays.stream(values()).flatMap((table) -> table.ownedBy(kind).stream()).toList();
    }

    /**
     * Rows of one table owned by owners of one kind.
     *
     * @param table the table
     * @param column the column that holds the owner's id
     * @param condition a SQL condition that picks the rows of that kind of owner
     */
    public record OwnedBy(MediaTable table, String column, String condition) {

        /**
         * The SQL condition for rows owned by the ids in the array parameter
         * {@code :ids}.
         * @return the condition
         */
        public String ownerIn() {
            return this.condition + " AND " + this.column + " = ANY(:ids)";
        }

    }

}
