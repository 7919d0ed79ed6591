package dev.dualdb.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.dualdb.security.internal.SecurityProperties;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in issuer under attack: access tokens that were altered, unsigned, expired,
 * not yet valid, from another issuer or signed with a key it does not have are refused
 * with {@code 401 invalid-token} and a Bearer challenge; refresh tokens rotate, a reused
 * one ends its whole login, logout and a password change end sessions; wrong credentials
 * say nothing about which part was wrong; registration makes students who see only
 * themselves.
 */
class TokenTests extends ApiTest {

    private static final String PASSWORD = "token tests password";

    @Autowired
    private SecurityProperties security;

    @Test
    void anAlteredUnsignedExpiredEarlyForeignOrUnknownlySignedTokenIsRefused() throws Exception {
        TestUsers.LoggedIn student = logIn();
        String path = "/api/users/" + student.id();
        assertThat(student.client().get(path).status()).isEqualTo(200);
        String token = student.client().token();
        String[] parts = token.split("\\.");
        RSAKey key = JWKSet.load(Files.newInputStream(this.security.keyDirectory().resolve("jwt-signing-keys.json")))
            .getKeys()
            .stream()
            .map((k) -> (RSAKey) k)
            .reduce((first, second) -> second)
            .orElseThrow();
        String payload = decode(parts[1]);
        Instant now = Instant.now();

        // The payload made an admin's, the signature kept.
        String tamperedPayload = parts[0] + "." + encode(payload.replace("\"STUDENT\"", "\"ADMIN\"")) + "." + parts[2];
        assertThat(decode(tamperedPayload.split("\\.")[1])).contains("ADMIN");
        assertInvalidToken(tamperedPayload, "/api/admin/reconciliation");
        assertInvalidToken(tamperedPayload, path);
        // One character of the signature changed.
        char last = parts[2].charAt(10);
        assertInvalidToken(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + ((last == 'A') ? 'B' : 'A')
                + parts[2].substring(11), path);
        // No signature at all.
        assertInvalidToken(encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", path);
        assertInvalidToken(
                encode("{\"alg\":\"none\"}") + "." + encode(payload.replace("\"STUDENT\"", "\"ADMIN\"")) + ".",
                "/api/admin/reconciliation");
        // Signed with the real key, but expired, not valid yet, or from another issuer.
        assertInvalidToken(sign(key, claims(student.id(), "dualdb", now.minusSeconds(600), now.minusSeconds(300))),
                path);
        assertInvalidToken(sign(key, claims(student.id(), "dualdb", now.plusSeconds(300), now.plusSeconds(900))), path);
        assertInvalidToken(sign(key, claims(student.id(), "https://evil.example.com", now, now.plusSeconds(300))),
                path);
        // Signed with a key the issuer does not have, under a known and an unknown key
        // id.
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
        assertInvalidToken(sign(stranger, claims(student.id(), "dualdb", now, now.plusSeconds(300))), path);
        assertInvalidToken(sign(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate(),
                claims(student.id(), "dualdb", now, now.plusSeconds(300))), path);
        // Not a JWT.
        assertInvalidToken("not-a-token", path);

        // The control: the real key with right claims is accepted, so the refusals above
        // are for the defects.
        assertThat(api.anonymous()
            .withToken(sign(key, claims(student.id(), "dualdb", now, now.plusSeconds(300))))
            .get(path)
            .status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseEndsTheWholeLogin() {
        String email = register();
        Map<String, Object> credentials = Map.of("email", email, "password", PASSWORD);
        ApiClient.Response login = api.anonymous().post("/api/auth/login", credentials);
        String first = login.json().path("refreshToken").asString();

        ApiClient.Response rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().path("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        String userId = Cast.subject(rotated.json().path("accessToken").asString());
        assertThat(api.anonymous()
            .withToken(rotated.json().path("accessToken").asString())
            .get("/api/users/" + userId)
            .status()).isEqualTo(200);

        assertProblem(refresh(first), 401, "refresh-token-reused");
        // The newer token of the same login is revoked too.
        assertProblem(refresh(second), 401, "invalid-refresh-token");
        // Another login of the same user is not.
        ApiClient.Response other = api.anonymous().post("/api/auth/login", credentials);
        assertThat(refresh(other.json().path("refreshToken").asString()).status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndUnknownTokensAreRefused() {
        String email = register();
        ApiClient.Response login = api.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        String token = login.json().path("refreshToken").asString();
        assertThat(api.anonymous().post("/api/auth/logout", Map.of("refreshToken", token)).status()).isEqualTo(204);
        assertProblem(refresh(token), 401, "invalid-refresh-token");
        assertProblem(refresh("no-such-token-" + UUID.randomUUID()), 401, "invalid-refresh-token");
    }

    @Test
    void aPasswordChangeEndsEverySessionAndTheOldPasswordNoLongerWorks() {
        String email = register();
        Map<String, Object> old = Map.of("email", email, "password", PASSWORD);
        ApiClient.Response first = api.anonymous().post("/api/auth/login", old);
        ApiClient.Response second = api.anonymous().post("/api/auth/login", old);
        ApiClient user = api.anonymous().withToken(first.json().path("accessToken").asString());

        assertProblem(
                user.put("/api/auth/password",
                        Map.of("currentPassword", "not the password", "newPassword", "a new password 2")),
                401, "invalid-credentials");
        assertThat(refresh(second.json().path("refreshToken").asString()).status()).as("a wrong password ends nothing")
            .isEqualTo(200);
        ApiClient.Response changed = user.put("/api/auth/password",
                Map.of("currentPassword", PASSWORD, "newPassword", "a new password 2"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertProblem(refresh(first.json().path("refreshToken").asString()), 401, "invalid-refresh-token");
        assertProblem(api.anonymous().post("/api/auth/login", old), 401, "invalid-credentials");
        assertThat(api.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", "a new password 2"))
            .status()).isEqualTo(200);
        assertThat(count(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL AND used_at IS NULL",
                Cast.subject(first.json().path("accessToken").asString())))
            .as("only the login after the change is live")
            .isEqualTo(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = register();
        ApiClient.Response wrong = api.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", "not the password"));
        ApiClient.Response unknown = api.anonymous()
            .post("/api/auth/login",
                    Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", PASSWORD));
        assertProblem(wrong, 401, "invalid-credentials");
        assertProblem(unknown, 401, "invalid-credentials");
        assertThat(wrong.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
    }

    @Test
    void registrationMakesAStudentWhoSeesOnlyThemselves() {
        String email = unique("reg").toLowerCase(java.util.Locale.ROOT) + "@example.com";
        ApiClient.Response registered = api.anonymous()
            .post("/api/auth/register", Map.of("email", email, "name", "Reg", "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("roles").toString()).isEqualTo("[\"STUDENT\"]");
        assertThat(registered.body()).doesNotContain("password");
        long users = this.mongo.getCollection("users").countDocuments();
        assertProblem(api.anonymous()
            .post("/api/auth/register",
                    Map.of("email", email.toUpperCase(java.util.Locale.ROOT), "name", "Again", "password", PASSWORD)),
                409, "duplicate-email");
        assertProblem(
                api.anonymous()
                    .malformed()
                    .post("/api/auth/register", Map.of("email", "not-an-email", "name", "Bad", "password", PASSWORD)),
                400, "validation-failed");
        assertProblem(
                api.anonymous()
                    .malformed()
                    .post("/api/auth/register",
                            Map.of("email", unique("short") + "@example.com", "name", "Short", "password", "short")),
                400, "validation-failed");
        assertThat(this.mongo.getCollection("users").countDocuments()).as("no refused registration was kept")
            .isEqualTo(users);

        ApiClient.Response login = api.anonymous()
            .post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        ApiClient user = api.anonymous().withToken(login.json().path("accessToken").asString());
        String id = registered.json().path("id").asString();
        ApiClient.Response own = user.get("/api/users/" + id);
        assertThat(own.json().path("email").asString()).isEqualTo(email);
        TestUsers.LoggedIn other = logIn();
        ApiClient.Response others = user.get("/api/users/" + other.id());
        assertProblem(others, 404, "user-not-found");
        assertThat(others.body()).doesNotContain(other.user().email());
        assertProblem(user.get("/api/users/" + other.id() + "/enrollments"), 404, "user-not-found");
        assertProblem(user.get("/api/admin/reconciliation"), 403, "forbidden");
    }

    private String register() {
        String email = unique("tok").toLowerCase(java.util.Locale.ROOT) + "@example.com";
        ApiClient.Response registered = api.anonymous()
            .post("/api/auth/register", Map.of("email", email, "name", "Token", "password", PASSWORD));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return email;
    }

    private ApiClient.Response refresh(String token) {
        return api.anonymous().post("/api/auth/refresh", Map.of("refreshToken", token));
    }

    private void assertInvalidToken(String token, String path) {
        ApiClient.Response response = api.anonymous().withToken(token).get(path);
        assertProblem(response, 401, "invalid-token");
        assertThat(response.header("WWW-Authenticate")).as(response.toString())
            .startsWith("Bearer")
            .contains("invalid_token");
    }

    static JWTClaimsSet claims(String subject, String issuer, Instant notBefore, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject)
            .issuer(issuer)
            .issueTime(Date.from(notBefore))
            .notBeforeTime(Date.from(notBefore))
            .expirationTime(Date.from(expires))
            .claim("roles", List.of("STUDENT"))
            .build();
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

}
