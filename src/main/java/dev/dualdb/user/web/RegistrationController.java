package dev.dualdb.user.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.security.IssuerMode;
import dev.dualdb.user.User;
import dev.dualdb.user.UserService;

/** Registration: anyone may create a student account for themselves. */
@RestController
@Tag(name = "auth")
class RegistrationController {

    private final UserService users;

    private final IssuerMode issuer;

    RegistrationController(UserService users, IssuerMode issuer) {
        this.users = users;
        this.issuer = issuer;
    }

    @Operation(operationId = "register", summary = "Create a student account for yourself",
            description = "The new user is a STUDENT; log in afterwards with the same email and password.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409",
            description = "`duplicate-email`: another user has this email; "
                    + "`external-issuer`: accounts are managed by an external issuer")
    @PostMapping(path = "/api/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<User> register(@Valid @RequestBody RegistrationRequest request) {
        this.issuer.requireBuiltIn();
        User created = this.users.create(request.email(), request.name(), null, request.password());
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

}
