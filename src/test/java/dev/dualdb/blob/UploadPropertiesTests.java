package dev.dualdb.blob;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPropertiesTests {

    /** The settings as bound with nothing configured. */
    static UploadProperties defaults() {
        return bind(Map.of());
    }

    static UploadProperties withMaxPixels(long maxPixels) {
        return bind(Map.of("dualdb.uploads.image.max-pixels", Long.toString(maxPixels)));
    }

    static UploadProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dualdb.uploads",
                UploadProperties.class);
    }

    @Test
    void hasTheDocumentedDefaults() {
        UploadProperties defaults = defaults();

        assertThat(defaults.maxBytes(UploadKind.IMAGE)).isEqualTo(DataSize.ofMegabytes(20).toBytes());
        assertThat(defaults.maxBytes(UploadKind.VIDEO)).isEqualTo(DataSize.ofGigabytes(5).toBytes());
        assertThat(defaults.maxBytes(UploadKind.RESOURCE)).isEqualTo(DataSize.ofMegabytes(200).toBytes());
        assertThat(defaults.allowedTypes(UploadKind.IMAGE)).containsExactly("image/jpeg", "image/png", "image/webp",
                "image/gif");
        assertThat(defaults.allowedTypes(UploadKind.VIDEO)).containsExactly("video/mp4", "video/webm",
                "video/quicktime");
        assertThat(defaults.allowedTypes(UploadKind.RESOURCE)).contains("application/pdf", "text/plain",
                "application/zip", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(defaults.image().maxPixels()).isEqualTo(50_000_000);
        assertThat(defaults.image().renditionWidths()).containsExactly(160, 480, 1024);
    }

    @Test
    void bindsSettings() {
        UploadProperties bound = bind(Map.of("dualdb.uploads.image.max-size", "2MB",
                "dualdb.uploads.image.allowed-types", "image/PNG, image/jpeg", "dualdb.uploads.image.rendition-widths",
                "800,200,200", "dualdb.uploads.resource.allowed-types", "application/pdf"));

        assertThat(bound.maxBytes(UploadKind.IMAGE)).isEqualTo(2 * 1024 * 1024);
        assertThat(bound.allowedTypes(UploadKind.IMAGE)).containsExactly("image/png", "image/jpeg");
        assertThat(bound.image().renditionWidths()).containsExactly(200, 800);
        assertThat(bound.allowedTypes(UploadKind.RESOURCE)).containsExactly("application/pdf");
    }

    @Test
    void scriptableTypesCannotBeConfiguredAsImages() {
        for (String type : List.of("image/svg+xml", "text/html", "application/xml")) {
            assertThatThrownBy(() -> bind(Map.of("dualdb.uploads.image.allowed-types", "image/png," + type)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining(type);
        }
    }

}
