package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The two facts needed from an MP4 or QuickTime file (ISO base media format): its brand
 * (which tells MP4 from QuickTime, where Tika sees only "some ftyp box") and its
 * duration, from the movie header ({@code moov/mvhd}).
 *
 * <p>
 * Read box by box with positional reads: only box headers and the few bytes of
 * {@code ftyp} and {@code mvhd} are read, so a 5 GB video costs a few kilobytes of memory
 * (a general metadata reader would load the sample tables).
 *
 * @param majorBrand the major brand of the {@code ftyp} box, or {@code null} without one
 * @param duration the duration from {@code mvhd}, or {@code null} without one
 */
public record IsoMediaHeader(String majorBrand, Duration duration) {

    /** Enough for any real file; a crafted one cannot make the walk run long. */
    private static final int MAX_BOXES = 1_000;

    /**
     * The media type the brand stands for, or empty when there was no {@code ftyp} box.
     */
    public Optional<String> mediaType() {
        if (this.majorBrand == null) {
            return Optional.empty();
        }
        if (this.majorBrand.equals("qt  ")) {
            return Optional.of("video/quicktime");
        }
        if (this.majorBrand.startsWith("M4A") || this.majorBrand.startsWith("M4B")) {
            return Optional.of("audio/mp4");
        }
        if (this.majorBrand.startsWith("3g")) {
            return Optional.of("video/3gpp");
        }
        return Optional.of("video/mp4");
    }

    /**
     * Reads the header of {@code file}; empty if it is not in the ISO base media format
     * at all.
     */
    public static Optional<IsoMediaHeader> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            String brand = null;
            Duration duration = null;
            long position = 0;
            for (int boxes = 0; boxes < MAX_BOXES && position + 8 <= end; boxes++) {
                Box box = Box.at(channel, position, end);
                if (box == null) {
                    break;
                }
                if (boxes == 0 && !box.type.equals("ftyp") && !box.type.equals("moov") && !box.type.equals("mdat")
                        && !box.type.equals("wide") && !box.type.equals("free")) {
                    return Optional.empty();
                }
                if (box.type.equals("ftyp") && brand == null) {
                    ByteBuffer ftyp = FileReads.read(channel, box.contentStart, 4);
                    brand = (ftyp.remaining() == 4) ? new String(ftyp.array(), 0, 4, StandardCharsets.ISO_8859_1)
                            : null;
                }
                else if (box.type.equals("moov")) {
                    duration = movieDuration(channel, box);
                    break;
                }
                position = box.end;
            }
            return Optional.of(new IsoMediaHeader(brand, duration));
        }
    }

    private static Duration movieDuration(FileChannel channel, Box moov) throws IOException {
        long position = moov.contentStart;
        for (int boxes = 0; boxes < MAX_BOXES && position + 8 <= moov.end; boxes++) {
            Box box = Box.at(channel, position, moov.end);
            if (box == null) {
                return null;
            }
            if (box.type.equals("mvhd")) {
                ByteBuffer mvhd = FileReads.read(channel, box.contentStart, 32);
                if (mvhd.remaining() < 20) {
                    return null;
                }
                int version = mvhd.get(0);
                long timescale;
                long duration;
                if (version == 1) {
                    if (mvhd.remaining() < 32) {
                        return null;
                    }
                    timescale = Integer.toUnsignedLong(mvhd.getInt(20));
                    duration = mvhd.getLong(24);
                }
                else {
                    timescale = Integer.toUnsignedLong(mvhd.getInt(12));
                    duration = Integer.toUnsignedLong(mvhd.getInt(16));
                    if (duration == 0xFFFF_FFFFL) {
                        return null;
                    }
                }
                // All ones (or a value past Long.MAX_VALUE) means "unknown".
                if (timescale == 0 || duration < 0) {
                    return null;
                }
                long seconds = duration / timescale;
                long nanos = (duration % timescale) * 1_000_000_000L / timescale;
                return Duration.ofSeconds(seconds, nanos);
            }
            position = box.end;
        }
        return null;
    }

    /** One box header: where its content starts and where the box ends. */
    private record Box(String type, long contentStart, long end) {

        static Box at(FileChannel channel, long position, long limit) throws IOException {
            ByteBuffer header = FileReads.read(channel, position, 16);
            if (header.remaining() < 8) {
                return null;
            }
            long size = Integer.toUnsignedLong(header.getInt(0));
            String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
            long headerSize = 8;
            if (size == 1) {
                if (header.remaining() < 16) {
                    return null;
                }
                size = header.getLong(8);
                headerSize = 16;
            }
            else if (size == 0) {
                size = limit - position;
            }
            // A box must hold its own header and lie within its parent; anything else is
            // not a box.
            if (size < headerSize || size > limit - position) {
                return null;
            }
            return new Box(type, position + headerSize, position + size);
        }
    }
}
