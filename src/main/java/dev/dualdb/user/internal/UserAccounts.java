package dev.dualdb.user.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Account;
import dev.dualdb.security.AccountStore;
import dev.dualdb.user.Role;

/**
 * The users collection as the security module sees it: accounts that log in with a
 * password, and users provisioned for the subjects of an external issuer.
 */
@Component
class UserAccounts implements AccountStore {

    private final UserRepository users;

    // An external token's subject on every request: the user id it maps to is kept for a
    // minute, so a request costs no MongoDB read.
    private final Cache<String, String> provisioned = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterWrite(Duration.ofMinutes(1))
        .build();

    UserAccounts(UserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Account> findByEmail(String email) {
        return this.users.findAccountByEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Account> findById(String userId) {
        return ObjectId.isValid(userId) ? this.users.findAccount(new ObjectId(userId)) : Optional.empty();
    }

    @Override
    public void changePassword(String userId, String passwordHash) {
        this.users.changePassword(new ObjectId(userId), passwordHash);
    }

    @Override
    public String provision(String issuer, String subject, String email, String name, Set<String> roles) {
        String externalId = issuer + " " + subject;
        return this.provisioned.get(externalId,
                (key) -> this.users.findByExternalId(key)
                    .map(ObjectId::toHexString)
                    .orElseGet(() -> create(key, email, name, roles)));
    }

    private String create(String externalId, String email, String name, Set<String> roles) {
        Set<Role> granted = roles.stream()
            .map(Role::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String shown = (name != null && !name.isBlank()) ? name.strip() : "External user";
        // The issuer's email is kept when no local user has it; the issuer is not trusted
        // to
        // prove that an address is its subject's, so it never matches an existing user.
        String address = (email != null && !email.isBlank()) ? email.strip().toLowerCase(Locale.ROOT) : null;
        try {
            return this.users
                .insert((address != null) ? address : placeholder(externalId), shown, granted, null, externalId)
                .id();
        }
        catch (DuplicateKeyException ex) {
            Optional<ObjectId> raced = this.users.findByExternalId(externalId);
            if (raced.isPresent()) {
                return raced.get().toHexString();
            }
            return this.users.insert(placeholder(externalId), shown, granted, null, externalId).id();
        }
    }

    private static String placeholder(String externalId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(externalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12) + "@external.invalid";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
