package dev.dualdb.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dualdb.support.ApiClient;
import dev.dualdb.support.TestSupportConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as the resource server of an external issuer (a Keycloak-like issuer
 * started here: its own RSA key, its JWK set over HTTP on 127.0.0.1): roles come from
 * {@code realm_access.roles}, a user is provisioned on the first request of a subject and
 * found again on the next; tokens from another issuer, expired, not yet valid, altered,
 * unsigned, signed with another key or by the built-in issuer are {@code 401} with a
 * Bearer challenge, and the built-in issuer's routes answer {@code 409 external-issuer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dualdb.security.roles-claim=realm_access.roles")
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
class ExternalIssuerTests {

    private static final RSAKey KEY = generate();

    private static final HttpServer ISSUER = start();

    private static final String ISSUER_URI = "http://127.0.0.1:" + ISSUER.getAddress().getPort() + "/realms/test";

    @LocalServerPort
    int port;

    @Autowired
    private MongoTemplate mongo;

    private ApiClient api;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER_URI);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> ISSUER_URI + "/certs");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @BeforeEach
    void client() {
        this.api = new ApiClient(this.port);
    }

    @Test
    void aSubjectIsProvisionedOnItsFirstRequestWithTheRolesOfTheConfiguredClaim() throws Exception {
        String subject = "kc-" + UUID.randomUUID();
        String token = token(subject, List.of("instructor"), Instant.now(), Instant.now().plusSeconds(300));
        Query bySubject = Query.query(Criteria.where("externalId").is(ISSUER_URI + " " + subject));
        assertThat(this.mongo.count(bySubject, "users")).isZero();

        ApiClient instructor = this.api.withToken(token);
        ApiClient.Response created = instructor.post("/api/courses", Map.of("title", "Taught by an external user"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Document user = this.mongo.findOne(bySubject, Document.class, "users");
        assertThat(user).as("provisioned on the first request").isNotNull();
        String id = user.getObjectId("_id").toHexString();
        assertThat(created.json().path("instructorId").asString()).isEqualTo(id);

        ApiClient.Response profile = instructor.get("/api/users/" + id);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        assertThat(profile.json().path("id").asString()).isEqualTo(id);
        assertThat(this.mongo.count(bySubject, "users")).as("the same user on the next request").isEqualTo(1);

        // A student of the same issuer may not create courses, nor reach the admin
        // routes.
        ApiClient student = this.api.withToken(
                token("kc-" + UUID.randomUUID(), List.of("student"), Instant.now(), Instant.now().plusSeconds(300)));
        assertThat(student.post("/api/courses", Map.of("title", "Refused")).status()).isEqualTo(403);
        assertThat(student.get("/api/admin/reconciliation").status()).isEqualTo(403);
        ApiClient admin = this.api.withToken(
                token("kc-" + UUID.randomUUID(), List.of("admin"), Instant.now(), Instant.now().plusSeconds(300)));
        assertThat(admin.get("/api/users/" + id).status()).isEqualTo(200);
    }

    @Test
    void badTokensAreRefusedWithABearerChallenge() throws Exception {
        Instant now = Instant.now();
        List<String> roles = List.of("admin");
        String path = "/api/admin/reconciliation";
        String good = token("kc-" + UUID.randomUUID(), roles, now, now.plusSeconds(300));
        assertThat(this.api.withToken(good).get(path).status()).as("the control").isIn(200, 404);

        assertRefused(sign(KEY, claims("kc-x", "http://127.0.0.1:1/realms/other", roles, now, now.plusSeconds(300))),
                path);
        assertRefused(token("kc-x", roles, now.minusSeconds(900), now.minusSeconds(300)), path);
        assertRefused(token("kc-x", roles, now.plusSeconds(300), now.plusSeconds(900)), path);
        String[] parts = good.split("\\.");
        String payload = TokenTests.decode(parts[1]);
        assertRefused(parts[0] + "." + TokenTests.encode(payload.replace("kc-", "kd-")) + "." + parts[2], path);
        assertRefused(TokenTests.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".", path);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(KEY.getKeyID()).generate();
        assertRefused(sign(stranger, claims("kc-x", ISSUER_URI, roles, now, now.plusSeconds(300))), path);
        RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
        assertRefused(sign(unknown, claims("kc-x", ISSUER_URI, roles, now, now.plusSeconds(300))), path);
        assertThat(this.mongo.count(Query.query(Criteria.where("externalId").regex("kc-x$")), "users"))
            .as("no refused token provisioned a user")
            .isZero();
    }

    @Test
    void theBuiltInIssuerIsClosed() {
        ApiClient.Response login = this.api.post("/api/auth/login",
                Map.of("email", "someone@example.com", "password", "a password 1"));
        assertThat(login.status()).as(login.toString()).isEqualTo(409);
        assertThat(login.json().path("code").asString()).isEqualTo("external-issuer");
        ApiClient.Response refresh = this.api.post("/api/auth/refresh", Map.of("refreshToken", "anything"));
        assertThat(refresh.json().path("code").asString()).as(refresh.toString()).isEqualTo("external-issuer");
    }

    private void assertRefused(String token, String path) {
        ApiClient.Response response = this.api.withToken(token).get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("invalid-token");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    private static String token(String subject, List<String> roles, Instant notBefore, Instant expires)
            throws JOSEException {
        return sign(KEY, claims(subject, ISSUER_URI, roles, notBefore, expires));
    }

    private static JWTClaimsSet claims(String subject, String issuer, List<String> roles, Instant notBefore,
            Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject)
            .issuer(issuer)
            .issueTime(Date.from(notBefore))
            .notBeforeTime(Date.from(notBefore))
            .expirationTime(Date.from(expires))
            .claim("realm_access", Map.of("roles", roles))
            // The built-in issuer's claim, which an external token's roles must not come
            // from.
            .claim("roles", List.of("ADMIN"))
            .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("external-" + UUID.randomUUID()).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/test/certs", (exchange) -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, keys.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(keys);
                }
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
