package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two facts needed from a WebM or Matroska file (EBML): its document type
 * ({@code webm} or {@code matroska}, which Tika does not tell apart from the bytes) and
 * its duration from the segment's Info element when it is there (a live recording may
 * have none). Only element headers and the few small elements needed are read.
 *
 * @param docType the document type, or {@code null} if the header names none
 * @param duration the duration, or {@code null} if the file does not say
 */
public record EbmlHeader(String docType, Duration duration) {

    private static final long EBML = 0x1A45DFA3L;

    private static final long DOC_TYPE = 0x4282L;

    private static final long SEGMENT = 0x18538067L;

    private static final long INFO = 0x1549A966L;

    private static final long TIMECODE_SCALE = 0x2AD7B1L;

    private static final long DURATION = 0x4489L;

    private static final long CLUSTER = 0x1F43B675L;

    private static final int MAX_ELEMENTS = 1_000;

    /** The media type the document type stands for. */
    public Optional<String> mediaType() {
        return switch ((this.docType != null) ? this.docType : "") {
            case "webm" -> Optional.of("video/webm");
            case "matroska" -> Optional.of("video/x-matroska");
            default -> Optional.empty();
        };
    }

    /**
     * Reads the header of {@code file}; empty if it does not start as an EBML document.
     */
    public static Optional<EbmlHeader> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            Element header = Element.at(channel, 0, end);
            if (header == null || header.id != EBML) {
                return Optional.empty();
            }
            String docType = null;
            for (Element child : children(channel, header)) {
                if (child.id == DOC_TYPE && child.size <= 64) {
                    docType = new String(content(channel, child), StandardCharsets.US_ASCII).replace("\0", "");
                }
            }
            Element segment = Element.at(channel, header.end, end);
            Duration duration = (segment != null && segment.id == SEGMENT) ? duration(channel, segment) : null;
            return Optional.of(new EbmlHeader(docType, duration));
        }
    }

    private static Duration duration(FileChannel channel, Element segment) throws IOException {
        for (Element child : children(channel, segment)) {
            if (child.id == CLUSTER) {
                return null;
            }
            if (child.id != INFO) {
                continue;
            }
            long scale = 1_000_000;
            Double ticks = null;
            for (Element field : children(channel, child)) {
                if (field.id == TIMECODE_SCALE && field.size >= 1 && field.size <= 8) {
                    scale = unsigned(content(channel, field));
                }
                else if (field.id == DURATION && (field.size == 4 || field.size == 8)) {
                    ByteBuffer value = ByteBuffer.wrap(content(channel, field));
                    ticks = (field.size == 4) ? (double) value.getFloat() : value.getDouble();
                }
            }
            if (ticks == null || !(ticks >= 0) || ticks.isInfinite()) {
                return null;
            }
            return Duration.ofNanos(Math.round(ticks * scale));
        }
        return null;
    }

    private static List<Element> children(FileChannel channel, Element parent) throws IOException {
        List<Element> children = new ArrayList<>();
        long position = parent.contentStart;
        while (children.size() < MAX_ELEMENTS && position < parent.end) {
            Element child = Element.at(channel, position, parent.end);
            if (child == null) {
                break;
            }
            children.add(child);
            if (child.id == CLUSTER) {
                break;
            }
            position = child.end;
        }
        return children;
    }

    private static byte[] content(FileChannel channel, Element element) throws IOException {
        ByteBuffer bytes = FileReads.read(channel, element.contentStart, (int) element.size);
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return array;
    }

    private static long unsigned(byte[] bytes) {
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    /** One element header; an element of unknown size runs to the end of its parent. */
    private record Element(long id, long size, long contentStart, long end) {

        static Element at(FileChannel channel, long position, long limit) throws IOException {
            ByteBuffer head = FileReads.read(channel, position, 12);
            if (!head.hasRemaining()) {
                return null;
            }
            int idLength = vintLength(head.get(0));
            if (idLength < 1 || idLength > 4 || head.remaining() < idLength + 1) {
                return null;
            }
            long id = 0;
            for (int i = 0; i < idLength; i++) {
                id = (id << 8) | (head.get(i) & 0xff);
            }
            int sizeLength = vintLength(head.get(idLength));
            if (sizeLength < 1 || head.remaining() < idLength + sizeLength) {
                return null;
            }
            long size = head.get(idLength) & (0xff >> sizeLength);
            boolean unknown = size == (0xff >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                int b = head.get(idLength + i) & 0xff;
                unknown &= b == 0xff;
                size = (size << 8) | b;
            }
            long contentStart = position + idLength + sizeLength;
            if (unknown) {
                return new Element(id, limit - contentStart, contentStart, limit);
            }
            if (size < 0 || size > limit - contentStart) {
                return null;
            }
            return new Element(id, size, contentStart, contentStart + size);
        }

        /**
         * The length of a variable-size integer, from the position of the first set bit
         * of its first byte.
         */
        private static int vintLength(byte first) {
            int b = first & 0xff;
            return (b == 0) ? -1 : Integer.numberOfLeadingZeros(b) - 23;
        }
    }
}
