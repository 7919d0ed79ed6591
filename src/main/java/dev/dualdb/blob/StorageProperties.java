package dev.dualdb.blob;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where media bytes are stored.
 *
 * @param type  {@code local} (a directory, the default) or {@code s3}
 * @param local settings of the local directory store
 */
@ConfigurationProperties("dualdb.storage")
public record StorageProperties(@DefaultValue("local") String type, @DefaultValue Local local) {

    /** @param directory the directory that holds the bytes (created if missing) */
    public record Local(@DefaultValue("./data/blobs") Path directory) {
    }
}
