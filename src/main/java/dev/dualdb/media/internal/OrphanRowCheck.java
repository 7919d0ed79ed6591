package dev.dualdb.media.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.bson.types.ObjectId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.dualdb.consistency.Findings;
import dev.dualdb.consistency.ReconcilerCheck;
import dev.dualdb.consistency.ReconcilerProperties;
import dev.dualdb.media.MediaOwnerDirectory;
import dev.dualdb.media.OwnerKind;

/**
 * Finds metadata rows whose MongoDB owner (product, course, lesson, user) is gone, and
 * deletes them (queueing their bytes). Such rows are what a crash between "delete in
 * MongoDB" and "delete in PostgreSQL" leaves; no reader sees them, because reads start
 * from the MongoDB document. Owners are walked in id order, a batch at a time.
 */
@Component
@Order(1)
class OrphanRowCheck implements ReconcilerCheck {

    private static final Map<OwnerKind, OwnerKind> TYPES = Map.of(OwnerKind.PRODUCT, OwnerKind.PRODUCT,
            OwnerKind.COURSE, OwnerKind.COURSE, OwnerKind.LESSON, OwnerKind.LESSON, OwnerKind.USER, OwnerKind.USER);

    private final MediaInventory inventory;

    private final List<MediaOwnerDirectory> directories;

    private final ReconcilerProperties properties;

    OrphanRowCheck(MediaInventory inventory, List<MediaOwnerDirectory> directories, ReconcilerProperties properties) {
        this.inventory = inventory;
        this.directories = directories;
        this.properties = properties;
    }

    @Override
    public void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress) {
        for (OwnerKind kind : OwnerKind.values()) {
            OwnerKind type = TYPES.get(kind);
            long owners = 0;
            String after = "";
            while (true) {
                List<String> batch = this.inventory.ownersAfter(kind, after, this.properties.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.get(batch.size() - 1);
                owners += batch.size();
                Instant checkedAt = Instant.now();
                List<String> missing = missing(type, batch);
                if (!missing.isEmpty()) {
                    // Counted in rows, like the repairs; the examples name the owners
                    // that are gone.
                    findings.found("orphanRows", this.inventory.countRowsOf(kind, missing),
                            kind + ":" + missing.get(0));
                    missing.stream().skip(1).forEach((id) -> findings.found("orphanRows", 0, kind + ":" + id));
                    if (!dryRun) {
                        findings.repaired("orphanRows", this.inventory.deleteRowsOf(kind, missing, checkedAt));
                    }
                }
                progress.accept("orphan rows: " + owners + " " + kind.name().toLowerCase(Locale.ROOT)
                        + " owners checked so far");
            }
            progress.accept("orphan rows: " + owners + " " + kind.name().toLowerCase(Locale.ROOT) + " owners checked");
        }
    }

    private List<String> missing(OwnerKind type, Collection<String> ids) {
        List<ObjectId> objectIds = ids.stream().filter(ObjectId::isValid).map(ObjectId::new).toList();
        Optional<MediaOwnerDirectory> directory = this.directories.stream()
            .filter((candidate) -> candidate.types().contains(type))
            .findFirst();
        if (directory.isEmpty()) {
            // Nobody can answer for this type: never take "unknown" for "gone".
            return List.of();
        }
        Set<ObjectId> existing = directory.get().existing(type, objectIds);
        return ids.stream().filter((id) -> !ObjectId.isValid(id) || !existing.contains(new ObjectId(id))).toList();
    }

}
