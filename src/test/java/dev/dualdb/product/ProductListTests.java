package dev.dualdb.product;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ProductListTests extends ApiTest {

    private void createProducts(int count, String category) {
        for (int i = 0; i < count; i++) {
            api.post("/api/products",
                    Map.of("name", "Chair " + i, "price", 10 + i, "sku", unique("CHAIR"), "category", category,
                            "images", List.of(Map.of("imageUrl", "https://cdn.example.com/chair-" + i + "-a.jpg"),
                                    Map.of("imageUrl", "https://cdn.example.com/chair-" + i + "-b.jpg"))));
        }
    }

    private long statementsFor(String path) {
        long before = queries.statements();
        JsonNode page = api.get(path).json();
        assertThat(page.path("mediaAvailable").asBoolean()).isTrue();
        return queries.statements() - before;
    }

    @Test
    void aPageAttachesImagesWithOneQueryWhateverItsSize() {
        createProducts(25, "chairs");

        long forOne = statementsFor("/api/products?page=0&size=1");
        long forFive = statementsFor("/api/products?page=0&size=5");
        long forTwentyFive = statementsFor("/api/products?page=0&size=25");

        assertThat(forOne).as("statements: %s", queries.recent()).isEqualTo(1);
        assertThat(forFive).isEqualTo(forOne);
        assertThat(forTwentyFive).isEqualTo(forOne);
    }

    @Test
    void pagesAreNewestFirstAndEveryProductCarriesItsOwnImages() {
        createProducts(3, "stools");

        JsonNode page = api.get("/api/products?page=0&size=3").json();

        assertThat(page.path("items")).hasSize(3);
        assertThat(page.path("size").asInt()).isEqualTo(3);
        assertThat(page.path("totalElements").asLong()).isGreaterThanOrEqualTo(3);
        for (JsonNode item : page.path("items")) {
            assertThat(item.path("images")).hasSize(2);
            for (JsonNode image : item.path("images")) {
                assertThat(image.path("mongoProductId").asString()).isEqualTo(item.path("id").asString());
            }
        }
        List<String> names = page.path("items").findValuesAsString("name");
        assertThat(names).containsExactly("Chair 2", "Chair 1", "Chair 0");
        JsonNode next = api.get("/api/products?page=1&size=3").json();
        assertThat(next.path("items").findValuesAsString("id"))
            .doesNotContainAnyElementsOf(page.path("items").findValuesAsString("id"));
    }

}
