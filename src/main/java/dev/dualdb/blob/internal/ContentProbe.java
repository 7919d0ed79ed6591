package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.dualdb.blob.ProbeResult;
import dev.dualdb.blob.UploadKind;
import dev.dualdb.blob.UploadProperties;

/**
 * Decides whether staged bytes are acceptable as a kind of upload, and measures them. The
 * type comes from the bytes (a client's declared type is only checked against it); it
 * must be on the kind's allow-list; images must declare no more pixels than the limit
 * (checked from the header, before anything is decoded). Everything is read from the
 * staged file with bounded memory.
 */
@Component
public class ContentProbe {

    /**
     * Types clients are known to send for files whose bytes say otherwise, taken as a
     * harmless claim.
     */
    private static final Map<String, String> CLAIM_ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg",
            "image/jpeg", "image/x-png", "image/png", "application/x-zip-compressed", "application/zip",
            "application/x-pdf", "application/pdf", "video/x-quicktime", "video/quicktime");

    /**
     * Container types whose exact type is told from more than the first bytes (the brand
     * of an ISO file, the document type of an EBML file, the parts of an OOXML package).
     */
    private static final Set<String> REFINED_LATER = Set.of("video/quicktime", "video/mp4", "application/mp4",
            "video/x-m4v", "application/x-matroska", "video/x-matroska", "video/webm", "audio/webm",
            OfficeOpenXml.PACKAGE);

    private final UploadProperties properties;

    private final TypeSniffer sniffer = new TypeSniffer();

    public ContentProbe(UploadProperties properties) {
        this.properties = properties;
    }

    /**
     * Probes the staged bytes of an upload.
     * @param file the staged file ({@link StagedBlob#file()})
     * @param kind what the upload is meant to be
     * @param claimedType the client's declared type ({@code Content-Type} of the part),
     * or {@code null}
     * @param fileName the client's file name (display name), or {@code null}; it may
     * narrow the sniffed type within what the bytes allow (ZIP bytes named
     * {@code .docx}), never widen or change it
     * @return the detected type and what was measured (dimensions, duration or page
     * count)
     * @throws UnsupportedMediaType when the claim contradicts the bytes, or the bytes are
     * not allowed for the kind
     * @throws ImageTooLarge when an image declares more pixels than allowed
     * @throws UnreadableContent when an image's header cannot be read
     */
    public ProbeResult probe(Path file, UploadKind kind, String claimedType, String fileName) {
        String sniffed = refined(file, this.sniffer.sniff(file, fileName));
        if (!claimAgrees(claimedType, sniffed)) {
            throw UnsupportedMediaType.mismatch(claimedType.trim(), sniffed);
        }
        if (!allowed(kind, sniffed)) {
            throw UnsupportedMediaType.notAllowed(kind, sniffed);
        }
        return switch (kind) {
            case IMAGE -> image(file, sniffed);
            case VIDEO -> new ProbeResult(sniffed, null, null, videoDuration(file, sniffed), null);
            case RESOURCE -> new ProbeResult(sniffed, null, null, null, pageCount(file, sniffed));
        };
    }

    /**
     * Judges an upload from its first bytes, before the rest is written anywhere: bytes
     * whose type is already one this kind of upload cannot be are refused at once (300
     * MiB of zeros sent as a video are refused after the first 64 KiB, not after being
     * staged). Containers told apart only by their whole structure pass on to
     * {@link #probe}.
     * @param first the first bytes ({@link #windowSize()} of them, or the whole file)
     * @param kind what the upload is meant to be
     * @param claimedType the client's declared type, or {@code null}
     * @param fileName the client's file name (display name), or {@code null}
     * @throws UnsupportedMediaType when the first bytes already rule the upload out
     */
    public void judgeFirstBytes(byte[] first, UploadKind kind, String claimedType, String fileName) {
        String sniffed = this.sniffer.sniff(first, fileName);
        if (REFINED_LATER.contains(sniffed)) {
            return;
        }
        // The same checks in the same order as probe(): the answer does not depend on
        // when the bytes were judged.
        if (!claimAgrees(claimedType, sniffed)) {
            throw UnsupportedMediaType.mismatch(claimedType.trim(), sniffed);
        }
        if (!allowed(kind, sniffed)) {
            throw UnsupportedMediaType.notAllowed(kind, sniffed);
        }
    }

    /**
     * How many first bytes {@link #judgeFirstBytes} needs: the window of the magic
     * numbers, so that its judgement is the one the whole file would get.
     * @return the number of bytes
     */
    public int windowSize() {
        return Math.max(this.sniffer.windowSize(), 8 * 1024);
    }

    /**
     * Tika's core sees "an ISO media file", "an EBML file" or "an OOXML package"; the
     * container's own header says which one exactly.
     * @param file the staged file
     * @param sniffed the type Tika sniffed from the bytes
     * @return the exact type the container header names, or {@code sniffed} when it names
     * none
     */
    private static String refined(Path file, String sniffed) {
        try {
            if (sniffed.equals("video/quicktime") || sniffed.equals("video/mp4") || sniffed.equals("application/mp4")
                    || sniffed.equals("video/x-m4v")) {
                return IsoMediaHeader.read(file).flatMap(IsoMediaHeader::mediaType).orElse(sniffed);
            }
            if (sniffed.equals("application/x-matroska") || sniffed.equals("video/x-matroska")
                    || sniffed.equals("video/webm") || sniffed.equals("audio/webm")) {
                return EbmlHeader.read(file).flatMap(EbmlHeader::mediaType).orElse(sniffed);
            }
            if (sniffed.equals(OfficeOpenXml.PACKAGE)) {
                return OfficeOpenXml.documentType(file).orElse(sniffed);
            }
            return sniffed;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private boolean claimAgrees(String claimedType, String sniffed) {
        if (claimedType == null || claimedType.isBlank()) {
            return true;
        }
        String claimed = this.sniffer.canonical(claimedType);
        claimed = CLAIM_ALIASES.getOrDefault(claimed, claimed);
        return this.sniffer.agrees(claimed, sniffed);
    }

    private boolean allowed(UploadKind kind, String sniffed) {
        if (kind != UploadKind.RESOURCE && UploadProperties.SCRIPTABLE.contains(sniffed)) {
            return false;
        }
        if (kind == UploadKind.IMAGE && !sniffed.startsWith("image/")) {
            return false;
        }
        if (kind == UploadKind.VIDEO && !sniffed.startsWith("video/")) {
            return false;
        }
        return this.properties.allowedTypes(kind).contains(sniffed);
    }

    private ProbeResult image(Path file, String sniffed) {
        ImageHeader header = ImageHeader.read(file, sniffed)
            .filter((h) -> h.width() > 0 && h.height() > 0)
            .orElseThrow(() -> new UnreadableContent(sniffed, null));
        long maxPixels = this.properties.image().maxPixels();
        if (header.pixels() > maxPixels) {
            throw new ImageTooLarge(header.width(), header.height(), maxPixels);
        }
        return new ProbeResult(sniffed, header.displayWidth(), header.displayHeight(), null, null);
    }

    /**
     * The duration of a video. An MP4 or QuickTime file must have a movie header
     * ({@code moov/mvhd}): without one no player can play it, whatever its {@code ftyp}
     * box says, so it is {@link UnreadableContent}. A WebM or Matroska live recording may
     * state no duration and still play.
     * @param file the staged file
     * @param sniffed its type
     * @return the duration, or {@code null} where the container states none
     */
    private static Duration videoDuration(Path file, String sniffed) {
        try {
            return switch (sniffed) {
                case "video/mp4", "video/quicktime",
                        "video/3gpp" ->
                    IsoMediaHeader.read(file)
                        .map(IsoMediaHeader::duration)
                        .orElseThrow(() -> new UnreadableContent(sniffed, null));
                case "video/webm", "video/x-matroska" ->
                    EbmlHeader.read(file).orElseThrow(() -> new UnreadableContent(sniffed, null)).duration();
                default -> null;
            };
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Integer pageCount(Path file, String sniffed) {
        if (!sniffed.equals("application/pdf")) {
            return null;
        }
        OptionalInt pages = PdfPages.count(file);
        return pages.isPresent() ? pages.getAsInt() : null;
    }

}
