package dev.dualdb.blob;

import org.junit.jupiter.api.Test;

import dev.dualdb.system.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagTests {

    private static final String SHA = "ab".repeat(32);

    private final EntityTag tag = new EntityTag(SHA);

    @Test
    void isTheQuotedHash() {
        assertThat(this.tag.header()).isEqualTo("\"" + SHA + "\"");
        assertThatThrownBy(() -> new EntityTag("\"injected")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(this.tag.matchesIfNoneMatch("\"" + SHA + "\"")).isTrue();
        assertThat(this.tag.matchesIfNoneMatch("W/\"" + SHA + "\"")).isTrue();
        assertThat(this.tag.matchesIfNoneMatch("\"other\", \"" + SHA + "\"")).isTrue();
        assertThat(this.tag.matchesIfNoneMatch("*")).isTrue();
        assertThat(this.tag.matchesIfNoneMatch("\"other\"")).isFalse();
        assertThat(this.tag.matchesIfNoneMatch(SHA)).isFalse();
        assertThat(this.tag.matchesIfNoneMatch(null)).isFalse();
    }

    @Test
    void ifRangeNeedsTheExactStrongTag() {
        assertThat(this.tag.allowsRange(null)).isTrue();
        assertThat(this.tag.allowsRange("\"" + SHA + "\"")).isTrue();
        assertThat(this.tag.allowsRange("W/\"" + SHA + "\"")).isFalse();
        assertThat(this.tag.allowsRange("\"other\"")).isFalse();
        assertThat(this.tag.allowsRange("Wed, 21 Oct 2015 07:28:00 GMT")).isFalse();
    }

}
