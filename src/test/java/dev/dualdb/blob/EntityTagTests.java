package dev.dualdb.blob;

import dev.dualdb.system.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagTests {

    private static final String SHA = "ab".repeat(32);

    private final EntityTag tag = new EntityTag(SHA);

    @Test
    void isTheQuotedHash() {
        assertThat(tag.header()).isEqualTo("\"" + SHA + "\"");
        assertThatThrownBy(() -> new EntityTag("\"injected")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(tag.matchesIfNoneMatch("\"" + SHA + "\"")).isTrue();
        assertThat(tag.matchesIfNoneMatch("W/\"" + SHA + "\"")).isTrue();
        assertThat(tag.matchesIfNoneMatch("\"other\", \"" + SHA + "\"")).isTrue();
        assertThat(tag.matchesIfNoneMatch("*")).isTrue();
        assertThat(tag.matchesIfNoneMatch("\"other\"")).isFalse();
        assertThat(tag.matchesIfNoneMatch(SHA)).isFalse();
        assertThat(tag.matchesIfNoneMatch(null)).isFalse();
    }

    @Test
    void ifRangeNeedsTheExactStrongTag() {
        assertThat(tag.allowsRange(null)).isTrue();
        assertThat(tag.allowsRange("\"" + SHA + "\"")).isTrue();
        assertThat(tag.allowsRange("W/\"" + SHA + "\"")).isFalse();
        assertThat(tag.allowsRange("\"other\"")).isFalse();
        assertThat(tag.allowsRange("Wed, 21 Oct 2015 07:28:00 GMT")).isFalse();
    }

}
