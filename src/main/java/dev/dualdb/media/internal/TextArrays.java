package dev.dualdb.media.internal;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One column of many rows as a {@code text[]} parameter, for inserting them with one
 * {@code INSERT … SELECT … FROM unnest(…)} statement (cast back to the column's type in
 * the SQL); {@code null} stays {@code NULL}.
 */
final class TextArrays {

    private TextArrays() {
    }

    static <T> String[] of(List<T> rows, Function<T, Object> column) {
        return rows.stream()
            .map(column)
            .map((value) -> (value != null) ? Objects.toString(value) : null)
            .toArray(String[]::new);
    }

}
