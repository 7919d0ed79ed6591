package dev.dualdb.user.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.security.Caller;
import dev.dualdb.user.Enrollment;
import dev.dualdb.user.EnrollmentService;
import dev.dualdb.user.User;
import dev.dualdb.user.UserService;
import dev.dualdb.user.internal.UserNotFound;

/**
 * User routes: admins create users; each user sees only their own profile and enrolments.
 */
@RestController
@RequestMapping("/api/users")
@Tag(name = "users")
class UserController {

    private final UserService users;

    private final EnrollmentService enrollments;

    UserController(UserService users, EnrollmentService enrollments) {
        this.users = users;
        this.enrollments = enrollments;
    }

    @Operation(operationId = "createUser", summary = "Create a user",
            description = "The email is kept in lower case and is unique; without roles a user is a STUDENT.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = "`duplicate-email`: another user has this email")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<User> create(@Valid @RequestBody CreateUserRequest request) {
        User created = this.users.create(request.email(), request.name(), request.roles(), request.password());
        return ResponseEntity.created(URI.create("/api/users/" + created.id())).body(created);
    }

    @Operation(operationId = "getUser", summary = "Get a user")
    @ApiResponse(responseCode = "200", description = "The user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`user-not-found`")
    @GetMapping("/{id}")
    User get(@PathVariable ObjectId id) {
        requireSelfOrAdmin(id);
        return this.users.get(id);
    }

    @Operation(operationId = "listUserEnrollments", summary = "List the enrolments of a user")
    @ApiResponse(responseCode = "200", description = "The enrolments of the user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`user-not-found`")
    @GetMapping("/{id}/enrollments")
    List<Enrollment> enrollments(@PathVariable ObjectId id) {
        requireSelfOrAdmin(id);
        return this.enrollments.ofUser(id);
    }

    /**
     * Another user's profile and enrolments do not exist for the caller (no leak).
     * @param id the user the route names
     */
    private static void requireSelfOrAdmin(ObjectId id) {
        Caller caller = Caller.current();
        if (!caller.isAdmin() && !caller.is(id)) {
            throw new UserNotFound(id);
        }
    }

}
