package dev.dualdb.security.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.security.Caller;
import dev.dualdb.security.internal.SigningKeys;
import dev.dualdb.security.internal.TokenService;
import dev.dualdb.security.internal.TokenService.Tokens;

/** The built-in issuer's routes: log in, refresh, log out, change password, its keys. */
@RestController
@Tag(name = "auth")
class AuthController {

    private final TokenService tokens;

    private final SigningKeys keys;

    AuthController(TokenService tokens, SigningKeys keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    @Operation(operationId = "login", summary = "Log in with email and password",
            description = "Returns a short-lived access token (a signed JWT, to send as `Authorization: Bearer`) "
                    + "and a refresh token that gets the next one.")
    @ApiResponse(responseCode = "200", description = "The tokens", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "`invalid-credentials`: the email or password is wrong")
    @ApiResponse(responseCode = "409", description = "`external-issuer`: tokens come from an external issuer")
    @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Tokens login(@Valid @RequestBody LoginRequest request) {
        return this.tokens.login(request.email(), request.password());
    }

    @Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for new tokens",
            description = "The refresh token is used up; the answer carries the next one. Using a refresh token "
                    + "a second time ends every session of its login.")
    @ApiResponse(responseCode = "200", description = "The new tokens", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401",
            description = "`invalid-refresh-token` (unknown, expired or revoked), `refresh-token-reused`")
    @ApiResponse(responseCode = "409", description = "`external-issuer`: tokens come from an external issuer")
    @PostMapping(path = "/api/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    Tokens refresh(@Valid @RequestBody RefreshRequest request) {
        return this.tokens.refresh(request.refreshToken());
    }

    @Operation(operationId = "logout", summary = "End the session of a refresh token",
            description = "The refresh token and every token rotated from the same login stop working. "
                    + "Access tokens already handed out stay valid until they expire (minutes).")
    @ApiResponse(responseCode = "204", description = "Logged out (also for a token that was unknown)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping(path = "/api/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    void logout(@Valid @RequestBody RefreshRequest request) {
        this.tokens.logout(request.refreshToken());
    }

    @Operation(operationId = "changePassword", summary = "Change your password",
            description = "Ends every session of the user (all refresh tokens are revoked).",
            security = @SecurityRequirement(name = "bearer"))
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "401",
            description = "`unauthenticated`, `invalid-token`, `invalid-credentials`: the current password is wrong")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping(path = "/api/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    void changePassword(@Valid @RequestBody PasswordChangeRequest request) {
        this.tokens.changePassword(Caller.current().userId(), request.currentPassword(), request.newPassword());
    }

    @Operation(operationId = "getSigningKeys", summary = "The public keys that verify access tokens (JWKS)")
    // The JWK set is a map of lists of maps; springdoc would describe every value as an
    // object.
    @ApiResponse(responseCode = "200", description = "A JWK set (RFC 7517)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(type = "object", requiredProperties = "keys",
                            additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> signingKeys() {
        return this.keys.publicKeys().toJSONObject();
    }

}
