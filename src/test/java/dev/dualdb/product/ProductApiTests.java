package dev.dualdb.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductApiTests extends ApiTest {

    private Response createProduct(String sku, List<Map<String, Object>> images) {
        return api.post("/api/products",
                Map.of("name", "Walnut desk", "description", "Solid walnut, 140 cm", "price", new BigDecimal("499.90"),
                        "currency", "EUR", "sku", sku, "category", "furniture", "stock", 3, "images", images));
    }

    private static Map<String, Object> image(String url, boolean primary) {
        return Map.of("imageUrl", url, "altText", "desk", "isPrimary", primary);
    }

    @Test
    void createsAProductWithImagesAndReadsItBackFromBothDatabases() {
        Response created = createProduct(unique("DESK"), List.of(image("https://cdn.example.com/desk-front.jpg", true),
                image("https://cdn.example.com/desk-side.jpg", false)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/products/" + id);

        JsonNode product = api.get("/api/products/" + id).json();
        assertThat(product.path("name").asString()).isEqualTo("Walnut desk");
        assertThat(product.path("price").decimalValue()).isEqualByComparingTo("499.90");
        assertThat(product.path("mediaAvailable").asBoolean()).isTrue();
        JsonNode images = product.path("images");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).path("imageUrl").asString()).isEqualTo("https://cdn.example.com/desk-front.jpg");
        assertThat(images.get(0).path("isPrimary").asBoolean()).isTrue();
        assertThat(images.get(0).path("position").asInt()).isZero();
        assertThat(images.get(1).path("position").asInt()).isEqualTo(1);
        assertThat(images.get(0).path("storageType").asString()).isEqualTo("EXTERNAL");
        assertThat(images.get(0).path("mongoProductId").asString()).isEqualTo(id);

        // The document is in MongoDB, the images are rows in PostgreSQL.
        assertThat(mongo.findById(new ObjectId(id), Document.class, "products")).isNotNull();
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", id)).isEqualTo(2);
    }

    @Test
    void priceIsStoredAsADecimalNotAFloatOrAString() {
        String id = createProduct(unique("PRICE"), List.of()).json().path("id").asString();

        Document stored = mongo.findById(new ObjectId(id), Document.class, "products");

        assertThat(stored.get("price")).isInstanceOf(Decimal128.class);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndKeepsFieldsItDoesNotKnow() {
        String id = createProduct(unique("PATCH"), List.of()).json().path("id").asString();
        // Another application sharing the database wrote a field this service does not
        // know.
        mongo.getCollection("products")
            .updateOne(new Document("_id", new ObjectId(id)),
                    new Document("$set", new Document("warehouseCode", "B-12")));

        Response patched = api.patch("/api/products/" + id, Map.of("stock", 7, "status", "ACTIVE"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("stock").asInt()).isEqualTo(7);
        assertThat(patched.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(patched.json().path("name").asString()).isEqualTo("Walnut desk");
        Document stored = mongo.findById(new ObjectId(id), Document.class, "products");
        assertThat(stored.getString("warehouseCode")).isEqualTo("B-12");
        assertThat(stored.getString("description")).isEqualTo("Solid walnut, 140 cm");
    }

    @Test
    void deletingAProductRemovesItsMediaRows() {
        String id = createProduct(unique("DEL"),
                List.of(image("https://cdn.example.com/a.jpg", false), image("https://cdn.example.com/b.jpg", false)))
            .json()
            .path("id")
            .asString();
        api.post("/api/media", Map.of("referenceType", "PRODUCT", "referenceId", id, "mediaType", "DOCUMENT",
                "mediaUrl", "https://cdn.example.com/manual.pdf"));
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", id)).isEqualTo(2);

        Response deleted = api.delete("/api/products/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", id)).isZero();
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id = ?", id)).isZero();
        assertThat(mongo.findById(new ObjectId(id), Document.class, "products")).isNull();
        assertProblem(api.get("/api/products/" + id), 404, "product-not-found");
    }

    @Test
    void aDuplicateSkuIsAConflictAndCreatesNothing() {
        String sku = unique("DUP");
        assertThat(createProduct(sku, List.of()).status()).isEqualTo(201);

        Response second = createProduct(sku, List.of(image("https://cdn.example.com/x.jpg", false)));

        assertProblem(second, 409, "duplicate-sku");
        assertThat(mongo.getCollection("products").countDocuments(new Document("sku", sku))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM product_images WHERE image_url = 'https://cdn.example.com/x.jpg'"))
            .isZero();
    }

    @Test
    void imagesCanBeAddedReorderedMadePrimaryAndDeleted() {
        String id = createProduct(unique("IMG"), List.of(image("https://cdn.example.com/1.jpg", true))).json()
            .path("id")
            .asString();

        Response added = api.post("/api/products/" + id + "/images", Map.of("images",
                List.of(image("https://cdn.example.com/2.jpg", false), image("https://cdn.example.com/3.jpg", false))));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json()).hasSize(2);
        String second = added.json().get(0).path("id").asString();
        String third = added.json().get(1).path("id").asString();
        assertThat(added.json().get(1).path("position").asInt()).isEqualTo(2);

        Response primary = api.patch("/api/products/" + id + "/images/" + second,
                Map.of("isPrimary", true, "position", 0, "altText", "the good side"));
        assertThat(primary.status()).as(primary.toString()).isEqualTo(200);
        assertThat(primary.json().path("isPrimary").asBoolean()).isTrue();
        assertThat(primary.json().path("altText").asString()).isEqualTo("the good side");
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ? AND is_primary", id))
            .isEqualTo(1);

        assertThat(api.delete("/api/products/" + id + "/images/" + third).status()).isEqualTo(204);
        JsonNode images = api.get("/api/products/" + id).json().path("images");
        assertThat(images).hasSize(2);
        assertThat(images.findValuesAsString("id")).doesNotContain(third);
        assertProblem(api.delete("/api/products/" + id + "/images/" + third), 404, "media-not-found");
    }

    @Test
    void anImageOfAnotherProductCannotBeTouchedThroughThisProduct() {
        String first = createProduct(unique("OWN1"), List.of(image("https://cdn.example.com/o.jpg", false))).json()
            .path("id")
            .asString();
        String imageId = api.get("/api/products/" + first).json().path("images").get(0).path("id").asString();
        String second = createProduct(unique("OWN2"), List.of()).json().path("id").asString();

        assertProblem(api.delete("/api/products/" + second + "/images/" + imageId), 404, "media-not-found");
        assertProblem(api.patch("/api/products/" + second + "/images/" + imageId, Map.of("altText", "x")), 404,
                "media-not-found");
        assertThat(count("SELECT count(*) FROM product_images WHERE id = ?::uuid", imageId)).isEqualTo(1);
    }

}
