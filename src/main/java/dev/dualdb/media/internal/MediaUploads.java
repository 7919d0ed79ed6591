package dev.dualdb.media.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.dualdb.blob.AcceptedUpload;
import dev.dualdb.blob.BlobUploads;
import dev.dualdb.blob.UploadKind;
import dev.dualdb.blob.UploadProperties;
import dev.dualdb.media.MediaType;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.system.MultipartReader;

/**
 * The first half of an upload: stream one file into the blob store, checked (type from
 * the bytes, allow-list, size limit, pixel limit) and probed. The second half, one
 * PostgreSQL transaction writing the rows, is {@link UploadRecorder}, called by the media
 * facades. Bytes stored here with no row are garbage that the collector or reconciler
 * removes.
 */
@Service
public class MediaUploads {

    private static final Logger log = LoggerFactory.getLogger(MediaUploads.class);

    private final BlobUploads uploads;

    private final PostgresDatabase database;

    private final int maxFiles;

    private final UploadProperties properties;

    public MediaUploads(BlobUploads uploads, PostgresDatabase database, UploadProperties properties) {
        this.uploads = uploads;
        this.database = database;
        this.maxFiles = properties.maxFiles();
        this.properties = properties;
    }

    /**
     * What a route taking files of {@code kinds} accepts in one request.
     * @param kinds what the route's files may be
     * @param severalFiles whether it takes several files
     * @return the limits of its requests: files, text fields and the whole body
     */
    public MultipartReader.Limits limits(Set<MediaType> kinds, boolean severalFiles) {
        Set<UploadKind> uploadKinds = kinds.stream().map(MediaUploads::kindOf).collect(Collectors.toSet());
        return new MultipartReader.Limits(severalFiles ? this.maxFiles : 1, this.properties.maxFields(),
                this.properties.maxFieldsSize().toBytes(), this.properties.maxRequestBytes(uploadKinds, severalFiles));
    }

    /**
     * Refuses, before any byte is read, a request declaring more bytes than the temporary
     * space has room for now (503 {@code upload-capacity-exhausted}).
     * @param callerKey who is uploading
     * @param declaredBytes the declared length, or -1
     */
    public void checkRoom(String callerKey, long declaredBytes) {
        this.uploads.checkRoom(callerKey, declaredBytes);
    }

    /**
     * The most files one request may carry ({@code dualdb.uploads.max-files}).
     * @return the limit
     */
    public int maxFiles() {
        return this.maxFiles;
    }

    /**
     * Takes one file into the blob store, checked as the kind {@code mediaType} implies:
     * images (JPEG, PNG, WebP, GIF; their thumbnails are made later, see
     * {@link RenditionJobs}), videos (MP4, WebM, QuickTime), or documents and archives
     * (PDF, Office, text, ZIP …) for anything else.
     * @param mediaType what the file is meant to be
     * @param in the file's bytes, read to the end
     * @param claimedType the client's declared type, or {@code null}
     * @param fileName the client's file name, or {@code null}
     * @return the stored and checked file, not yet recorded
     */
    public UploadedFile accept(MediaType mediaType, InputStream in, String claimedType, String fileName) {
        return accept(mediaType, in, claimedType, fileName, BlobUploads.ANONYMOUS);
    }

    /**
     * Takes one file of a caller into the blob store, as
     * {@link #accept(MediaType, InputStream, String, String)}.
     * @param mediaType what the file is meant to be
     * @param in the file's bytes, read to the end
     * @param claimedType the client's declared type, or {@code null}
     * @param fileName the client's file name, or {@code null}
     * @param callerKey who is uploading (for the temporary-space cap)
     * @return the stored and checked file, not yet recorded
     */
    public UploadedFile accept(MediaType mediaType, InputStream in, String claimedType, String fileName,
            String callerKey) {
        return accept(in, kindOf(mediaType), claimedType, fileName, callerKey);
    }

    private static UploadKind kindOf(MediaType mediaType) {
        return switch (mediaType) {
            case IMAGE -> UploadKind.IMAGE;
            case VIDEO -> UploadKind.VIDEO;
            case AUDIO, DOCUMENT, OTHER -> UploadKind.RESOURCE;
        };
    }

    /**
     * Gives up files of a request that failed after they were stored: the bytes this
     * request put there are queued for the collector, which deletes them unless a row
     * refers to them by then. If PostgreSQL is away they stay, as garbage for the
     * reconciler.
     * @param files the files the request stored
     */
    public void discard(List<UploadedFile> files) {
        List<String> hashes = new ArrayList<>();
        for (UploadedFile file : files) {
            if (file.newlyStored()) {
                hashes.add(file.sha256());
            }
        }
        if (hashes.isEmpty()) {
            return;
        }
        try {
            this.database.write((jdbc) -> {
                BlobReferences.queueForCollection(jdbc, hashes);
                return null;
            });
        }
        catch (RuntimeException ex) {
            log.warn("Could not queue {} discarded blobs; the reconciler will find them: {}", hashes.size(),
                    ex.getMessage());
        }
    }

    private UploadedFile accept(InputStream in, UploadKind kind, String claimedType, String fileName,
            String callerKey) {
        AcceptedUpload accepted = this.uploads.accept(in, kind, claimedType, fileName, callerKey);
        var blob = accepted.blob();
        var probe = accepted.probe();
        BigDecimal seconds = (probe.duration() == null) ? null
                : BigDecimal.valueOf(probe.duration().toMillis()).movePointLeft(3).setScale(3, RoundingMode.HALF_UP);
        return new UploadedFile(blob.sha256(), blob.size(), probe.contentType(), accepted.displayName(),
                blob.storageType(), blob.storageKey(), !blob.alreadyStored(), probe.width(), probe.height(), seconds,
                probe.pageCount());
    }

}
