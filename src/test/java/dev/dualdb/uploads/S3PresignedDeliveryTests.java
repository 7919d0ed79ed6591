package dev.dualdb.uploads;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.InProcessS3;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code dualdb.storage.s3.presign} on, the bytes are fetched straight from S3 by a
 * short-lived URL.
 */
class S3PresignedDeliveryTests extends ApiTest {

    private static final InProcessS3 S3 = InProcessS3.start("dualdb-presigned");

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.register(registry, true, S3UploadTests.temporaryDirectory().toString());
    }

    @Test
    void aDownloadIsRedirectedToAPresignedUrlThatServesTheBytes() throws Exception {
        String product = api.post("/api/products", Map.of("name", "Rug", "price", 5, "sku", unique("RUG")))
            .json()
            .path("id")
            .asString();
        byte[] image = Files.readAllBytes(TestFiles.image(this.dir, "rug.png", "png", 40, 30, false));
        String url = api
            .multipart("/api/products/" + product + "/images",
                    new Multipart().file("files", "rug.png", "image/png", image))
            .json()
            .get(0)
            .path("imageUrl")
            .asString();

        Response redirect = api.fetch("GET", url);

        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("X-Amz-Signature=").contains("X-Amz-Expires=");
        HttpResponse<byte[]> fromS3 = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromS3.statusCode()).isEqualTo(200);
        assertThat(fromS3.body()).isEqualTo(image);
        assertThat(fromS3.headers().firstValue("Content-Type")).hasValue("image/png");
    }

}
