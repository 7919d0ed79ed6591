package dev.dualdb.legacy.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping file: the original design by default, a file overrides some keys,
 * {@code null} turns a part off, JSON works as YAML does, and a key the importer does not
 * know is refused.
 */
class LegacyMappingTests {

    @TempDir
    Path directory;

    @Test
    void theDefaultIsTheOriginalDesign() {
        LegacyMapping mapping = LegacyMapping.load(null);

        assertThat(mapping.products())
            .isEqualTo(new LegacyMapping.Products("products", "images", "url", "alt", "isPrimary"));
        assertThat(mapping.courses().lessonId()).isEqualTo("_id");
        assertThat(mapping.courses().videoUrl()).isEqualTo("videoUrl");
        assertThat(mapping.courses().resources()).isEqualTo("resources");
        assertThat(mapping.relativeUrlBase()).isNull();
    }

    @Test
    void aFileOverridesSomeKeysAndTurnsPartsOff() throws IOException {
        Path yaml = Files.writeString(this.directory.resolve("m.yaml"), """
                products:
                  images: media.gallery
                  url: src
                  primary: null
                courses:
                  resources: null
                relativeUrlBase: file:///srv/shop/public/
                """);
        Path json = Files.writeString(this.directory.resolve("m.json"), """
                {"products": null, "courses": {"collection": "classes"}}
                """);

        LegacyMapping fromYaml = LegacyMapping.load(yaml);
        LegacyMapping fromJson = LegacyMapping.load(json);

        assertThat(fromYaml.products())
            .isEqualTo(new LegacyMapping.Products("products", "media.gallery", "src", "alt", null));
        assertThat(fromYaml.courses().resources()).isNull();
        assertThat(fromYaml.courses().videoUrl()).isEqualTo("videoUrl");
        assertThat(fromYaml.relativeUrlBase()).isEqualTo("file:///srv/shop/public/");
        assertThat(fromJson.products()).isNull();
        assertThat(fromJson.courses().collection()).isEqualTo("classes");
    }

    @Test
    void unknownKeysAndMissingRequiredFieldsAreRefused() throws IOException {
        Path typo = Files.writeString(this.directory.resolve("typo.yaml"), "products:\n  imageUrl: src\nvideos: x\n");
        Path noUrl = Files.writeString(this.directory.resolve("nourl.yaml"), "products:\n  url: null\n");
        Path notAMapping = Files.writeString(this.directory.resolve("list.yaml"), "- a\n- b\n");
        Path shape = Files.writeString(this.directory.resolve("shape.yaml"), "products: images\n");

        assertThatThrownBy(() -> LegacyMapping.load(typo)).isInstanceOf(MappingRefused.class)
            .hasMessageContaining("products.imageUrl")
            .hasMessageContaining("videos");
        assertThatThrownBy(() -> LegacyMapping.load(noUrl)).isInstanceOf(MappingRefused.class)
            .hasMessageContaining("products.url must name a field");
        assertThatThrownBy(() -> LegacyMapping.load(notAMapping)).isInstanceOf(MappingRefused.class);
        assertThatThrownBy(() -> LegacyMapping.load(shape)).isInstanceOf(MappingRefused.class)
            .hasMessageContaining("products");
        assertThatThrownBy(() -> LegacyMapping.load(this.directory.resolve("none.yaml")))
            .isInstanceOf(MappingRefused.class);
    }

}
