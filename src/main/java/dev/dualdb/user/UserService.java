package dev.dualdb.user;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.dualdb.user.internal.DuplicateEmail;
import dev.dualdb.user.internal.UserNotFound;
import dev.dualdb.user.internal.UserRepository;

/** Users: the identity that enrolments and access rules hang on. */
@Service
public class UserService {

    private final UserRepository users;

    private final PasswordEncoder passwords;

    UserService(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    /**
     * Creates a user; the email is compared case-insensitively (stored in lower case).
     * @param email the email address, unique among users
     * @param name the name to show
     * @param roles what the user may do; none or {@code null} makes a student
     * @return the stored user
     * @throws DuplicateEmail if another user has the email
     */
    public User create(String email, String name, Set<Role> roles) {
        return create(email, name, roles, null);
    }

    /**
     * Creates a user who can log in with {@code password} (kept only as a
     * {@link PasswordEncoder} hash).
     * @param email the email address, unique among users
     * @param name the name to show
     * @param roles what the user may do; none or {@code null} makes a student
     * @param password the password, or {@code null} for a user who cannot log in
     * @return the stored user
     * @throws DuplicateEmail if another user has the email
     */
    public User create(String email, String name, Set<Role> roles, String password) {
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Set<Role> granted = (roles == null || roles.isEmpty()) ? EnumSet.of(Role.STUDENT) : roles;
        try {
            return this.users.insert(normalised, name.strip(), granted,
                    (password != null) ? this.passwords.encode(password) : null, null);
        }
        catch (DuplicateKeyException ex) {
            throw new DuplicateEmail(normalised);
        }
    }

    /**
     * The user with an email, if any.
     * @param email the email, any case
     * @return the user, or empty
     */
    public Optional<User> findByEmail(String email) {
        return this.users.findByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    public User get(ObjectId id) {
        return this.users.find(id).orElseThrow(() -> new UserNotFound(id));
    }

    public boolean exists(ObjectId id) {
        return this.users.exists(id);
    }

}
