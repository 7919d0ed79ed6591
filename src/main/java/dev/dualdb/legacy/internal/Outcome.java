package dev.dualdb.legacy.internal;

import java.util.function.Consumer;

/**
 * Either a value or the failure of one item.
 *
 * @param <T> the value's type
 * @param value the value, or {@code null}
 * @param failure the failure, or {@code null}
 */
record Outcome<T>(T value, ItemFailure failure) {

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    static <T> Outcome<T> failed(String key, String code, String message) {
        return new Outcome<>(null, new ItemFailure(key, code, message));
    }

    void ifPresent(Consumer<T> onValue, Consumer<ItemFailure> onFailure) {
        if (this.value != null) {
            onValue.accept(this.value);
        }
        else {
            onFailure.accept(this.failure);
        }
    }

}
