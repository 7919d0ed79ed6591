package dev.dualdb.user;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.dualdb.user.internal.DuplicateEmail;
import dev.dualdb.user.internal.UserNotFound;
import dev.dualdb.user.internal.UserRepository;

/** Users: the identity that enrolments (and later security) hang on. */
@Service
public class UserService {

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
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
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        Set<Role> granted = (roles == null || roles.isEmpty()) ? EnumSet.of(Role.STUDENT) : roles;
        try {
            return this.users.insert(normalised, name.strip(), granted);
        }
        catch (DuplicateKeyException ex) {
            throw new DuplicateEmail(normalised);
        }
    }

    public User get(ObjectId id) {
        return this.users.find(id).orElseThrow(() -> new UserNotFound(id));
    }

    public boolean exists(ObjectId id) {
        return this.users.exists(id);
    }

}
