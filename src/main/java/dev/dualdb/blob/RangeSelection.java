package dev.dualdb.blob;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What to send for a {@code Range} request header (RFC 9110 §14) on a representation of
 * known length: the whole body (200), one range (206), several ranges (206,
 * {@code multipart/byteranges}), or nothing (416).
 *
 * <p>
 * The answer is never larger than asking for the whole body: overlapping and adjacent
 * ranges are merged, and a request whose ranges add up to more than the body (overlap
 * used to amplify) or that asks for more than {@value #MAX_RANGES} separate pieces gets
 * the whole body instead. A header that is malformed, or in a unit other than bytes, is
 * ignored, as the RFC allows.
 */
public sealed interface RangeSelection {

    /**
     * The most separate ranges answered as such; more are answered with the whole body.
     */
    int MAX_RANGES = 8;

    /** More range specifications than this are not even looked at. */
    int MAX_SPECS = 100;

    /**
     * Interprets a {@code Range} header.
     * @param header the header value, or {@code null}
     * @param length the length of the representation in bytes
     * @return what to send
     */
    static RangeSelection of(String header, long length) {
        if (header == null) {
            return new Whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String[] specs = value.substring(equals + 1).split(",", -1);
        if (specs.length > MAX_SPECS) {
            return new Whole();
        }
        List<ByteRange> satisfiable = new ArrayList<>();
        boolean any = false;
        for (String raw : specs) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue; // empty list elements are allowed by the list syntax
            }
            any = true;
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new Whole();
            }
            String firstPart = spec.substring(0, dash).strip();
            String lastPart = spec.substring(dash + 1).strip();
            if (firstPart.isEmpty()) {
                // suffix range: the last N bytes
                long suffix = digits(lastPart);
                if (suffix < 0) {
                    return new Whole();
                }
                if (suffix > 0 && length > 0) {
                    satisfiable.add(new ByteRange(Math.max(0, length - suffix), length - 1));
                }
                continue;
            }
            long first = digits(firstPart);
            long last = lastPart.isEmpty() ? Long.MAX_VALUE : digits(lastPart);
            if (first < 0 || last < 0 || last < first) {
                return new Whole();
            }
            if (first < length) {
                satisfiable.add(new ByteRange(first, Math.min(last, length - 1)));
            }
        }
        if (!any) {
            return new Whole();
        }
        if (satisfiable.isEmpty()) {
            return new Unsatisfiable();
        }
        if (satisfiable.size() == 1) {
            return new Single(satisfiable.get(0));
        }
        long requested = 0;
        for (ByteRange range : satisfiable) {
            requested += range.length();
            if (requested > length) {
                return new Whole();
            }
        }
        List<ByteRange> merged = merged(satisfiable);
        if (merged.size() == 1) {
            return new Single(merged.get(0));
        }
        return (merged.size() > MAX_RANGES) ? new Whole() : new Multiple(merged);
    }

    /**
     * Sorted, with overlapping and adjacent ranges joined.
     * @param ranges satisfiable ranges, at least one
     * @return the ranges, ascending and disjoint
     */
    private static List<ByteRange> merged(List<ByteRange> ranges) {
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::first));
        List<ByteRange> merged = new ArrayList<>();
        ByteRange current = sorted.get(0);
        for (ByteRange next : sorted.subList(1, sorted.size())) {
            if (next.first() <= current.last() + 1) {
                current = new ByteRange(current.first(), Math.max(current.last(), next.last()));
            }
            else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return merged;
    }

    /**
     * A non-negative decimal, saturating at {@code Long.MAX_VALUE}; -1 if it is not one.
     * @param text the digits
     * @return the value, or -1
     */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = (value > (Long.MAX_VALUE - (c - '0')) / 10) ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Send the whole body: no (usable) {@code Range} header, or one not worth honouring.
     */
    record Whole() implements RangeSelection {
    }

    /**
     * Send one range as a 206 with {@code Content-Range}.
     *
     * @param range the range to send
     */
    record Single(ByteRange range) implements RangeSelection {
    }

    /**
     * Send these ranges, ascending and disjoint, as a 206 {@code multipart/byteranges}
     * body.
     *
     * @param ranges the ranges to send
     */
    record Multiple(List<ByteRange> ranges) implements RangeSelection {

        public Multiple {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * No requested range overlaps the body: a 416 with
     * {@code Content-Range: bytes *}{@code /length}.
     */
    record Unsatisfiable() implements RangeSelection {
    }

}
