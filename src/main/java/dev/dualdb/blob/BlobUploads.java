package dev.dualdb.blob;

import java.io.InputStream;

import org.springframework.stereotype.Service;

import dev.dualdb.blob.internal.BlobStoreUnavailable;
import dev.dualdb.blob.internal.BlobTooLarge;
import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.DisplayName;
import dev.dualdb.blob.internal.DownloadName;
import dev.dualdb.blob.internal.ImageTooLarge;
import dev.dualdb.blob.internal.IntakeStream;
import dev.dualdb.blob.internal.StagedBlob;
import dev.dualdb.blob.internal.TempSpace;
import dev.dualdb.blob.internal.TempSpaceExhausted;
import dev.dualdb.blob.internal.UnreadableContent;
import dev.dualdb.blob.internal.UnsupportedMediaType;
import dev.dualdb.blob.internal.UploadInterrupted;

/**
 * Takes one uploaded file from its stream to the blob store, in this order: stream it
 * into a temporary file while hashing and counting (cut off at the kind's size limit) →
 * probe the bytes (type, allow-list, pixel limit) → commit the bytes under their hash. A
 * rejected upload leaves nothing behind. Thumbnails are not made here: an image's are
 * made later by {@link RenditionMaker}, off the request path. Bytes committed here have
 * no metadata row yet: the caller writes it next, and bytes that never get one are
 * garbage for the reconciler after a grace period (the order that keeps a crash
 * harmless).
 */
@Service
public class BlobUploads {

    /** The caller key of an upload whose caller is not known. */
    public static final String ANONYMOUS = "anonymous";

    private final BlobStore store;

    private final ContentProbe probe;

    private final UploadProperties properties;

    private final TempSpace tempSpace;

    public BlobUploads(BlobStore store, ContentProbe probe, UploadProperties properties) {
        this.store = store;
        this.probe = probe;
        this.properties = properties;
        this.tempSpace = new TempSpace(properties.maxTempSize().toBytes(), properties.maxTempSizePerCaller().toBytes());
    }

    /**
     * Refuses, before any byte is read, a request declaring more bytes than the temporary
     * space has room for now.
     * @param callerKey who is uploading
     * @param declaredBytes the request's declared length, or -1 when it declares none
     * @throws TempSpaceExhausted when the bytes would not fit (503)
     */
    public void checkRoom(String callerKey, long declaredBytes) {
        if (declaredBytes > 0 && !this.tempSpace.hasRoomFor(callerKey, declaredBytes)) {
            throw new TempSpaceExhausted(this.properties.maxTempSize().toBytes());
        }
    }

    /**
     * The bytes uploads in progress hold in temporary files now.
     * @return the bytes
     */
    public long bytesInTemp() {
        return this.tempSpace.used();
    }

    /**
     * Accepts one file.
     * @param in the file's bytes, read once to their end (not closed here)
     * @param kind what the file is meant to be, which sets its size limit and allowed
     * types
     * @param claimedType the client's declared type, or {@code null}; refused if it
     * contradicts the bytes
     * @param clientFileName the client's file name, or {@code null}; kept only as a
     * display name
     * @return the stored blob with what was measured
     * @throws BlobTooLarge over the kind's size limit (413)
     * @throws UnsupportedMediaType not an allowed type, or not the declared one (415)
     * @throws ImageTooLarge an image declaring more pixels than allowed (413)
     * @throws UnreadableContent an image whose header cannot be read (422)
     * @throws UploadInterrupted the stream broke off (400)
     * @throws BlobStoreUnavailable the store cannot be written (503)
     */
    public AcceptedUpload accept(InputStream in, UploadKind kind, String claimedType, String clientFileName) {
        return accept(in, kind, claimedType, clientFileName, ANONYMOUS);
    }

    /**
     * Accepts one file of a caller: as
     * {@link #accept(InputStream, UploadKind, String, String)}, its bytes judged from the
     * first ones before any is written, and counted against the temporary space while it
     * is staged.
     * @param in the file's bytes, read once to their end (not closed here)
     * @param kind what the file is meant to be
     * @param claimedType the client's declared type, or {@code null}
     * @param clientFileName the client's file name, or {@code null}
     * @param callerKey who is uploading (for the temporary-space cap)
     * @return the stored blob with what was measured
     * @throws TempSpaceExhausted the temporary space is full (503)
     */
    public AcceptedUpload accept(InputStream in, UploadKind kind, String claimedType, String clientFileName,
            String callerKey) {
        String cleaned = DisplayName.of(clientFileName).value();
        try (TempSpace.Lease lease = this.tempSpace.lease(callerKey);
                StagedBlob staged = this.store.stage(
                        new IntakeStream(in, this.probe.windowSize(),
                                (first) -> this.probe.judgeFirstBytes(first, kind, claimedType, cleaned), lease),
                        this.properties.maxBytes(kind))) {
            ProbeResult probed = this.probe.probe(staged.file(), kind, claimedType, cleaned);
            String displayName = DownloadName.of(cleaned, probed.contentType());
            StoredBlob blob = this.store.commit(staged);
            return new AcceptedUpload(blob, probed, displayName);
        }
    }

}
