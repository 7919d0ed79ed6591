package dev.dualdb.user.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.dualdb.security.Account;
import dev.dualdb.system.ExistingIds;
import dev.dualdb.user.Role;
import dev.dualdb.user.User;

/** The {@code users} collection, read and written as plain BSON. */
@Repository
public class UserRepository {

    static final String COLLECTION = "users";

    static final String PASSWORD_HASH = "passwordHash";

    static final String CREDENTIALS_VERSION = "credentialsVersion";

    static final String EXTERNAL_ID = "externalId";

    private final MongoTemplate mongo;

    UserRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a new user.
     * @param email the email address, already in lower case
     * @param name the name to show
     * @param roles what the user may do
     * @return the stored user
     * @throws DuplicateKeyException if the email is taken
     */
    public User insert(String email, String name, Set<Role> roles) {
        return insert(email, name, roles, null, null);
    }

    /**
     * Stores a new user with a password (already encoded) or an external identity.
     * @param email the email address, already in lower case
     * @param name the name to show
     * @param roles what the user may do
     * @param passwordHash the encoded password, or {@code null}
     * @param externalId the issuer and subject of an external identity, or {@code null}
     * @return the stored user
     * @throws DuplicateKeyException if the email or the external identity is taken
     */
    public User insert(String email, String name, Set<Role> roles, String passwordHash, String externalId) {
        Date now = new Date();
        Document document = new Document("_id", new ObjectId()).append("email", email)
            .append("name", name)
            .append("roles", roles.stream().map(Role::name).sorted().toList())
            .append("createdAt", now)
            .append("updatedAt", now);
        if (passwordHash != null) {
            document.append(PASSWORD_HASH, passwordHash).append(CREDENTIALS_VERSION, 1L);
        }
        if (externalId != null) {
            document.append(EXTERNAL_ID, externalId);
        }
        this.mongo.insert(document, COLLECTION);
        return map(document);
    }

    /**
     * The account (with its encoded password) of the user with {@code email}.
     * @param email the email, in lower case
     * @return the account, or empty
     */
    public Optional<Account> findAccountByEmail(String email) {
        return Optional
            .ofNullable(this.mongo.findOne(Query.query(Criteria.where("email").is(email)), Document.class, COLLECTION))
            .map(UserRepository::account);
    }

    public Optional<User> findByEmail(String email) {
        return Optional
            .ofNullable(this.mongo.findOne(Query.query(Criteria.where("email").is(email)), Document.class, COLLECTION))
            .map(UserRepository::map);
    }

    public Optional<Account> findAccount(ObjectId id) {
        return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(UserRepository::account);
    }

    /**
     * The id of the user with an external identity.
     * @param externalId the issuer and subject
     * @return the user's id, or empty
     */
    public Optional<ObjectId> findByExternalId(String externalId) {
        Query query = Query.query(Criteria.where(EXTERNAL_ID).is(externalId));
        query.fields().include("_id");
        return Optional.ofNullable(this.mongo.findOne(query, Document.class, COLLECTION))
            .map((document) -> document.getObjectId("_id"));
    }

    /**
     * Replaces the encoded password and bumps the credentials version.
     * @param id the user
     * @param passwordHash the new encoded password
     */
    public void changePassword(ObjectId id, String passwordHash) {
        this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set(PASSWORD_HASH, passwordHash).inc(CREDENTIALS_VERSION, 1L).set("updatedAt", new Date()),
                COLLECTION);
    }

    public Optional<User> find(ObjectId id) {
        return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(UserRepository::map);
    }

    /**
     * Which of {@code ids} exist, with one query on {@code _id}.
     * @param ids the user ids to look for
     * @return those of {@code ids} that exist
     */
    public Set<ObjectId> existing(Collection<ObjectId> ids) {
        return ExistingIds.in(this.mongo, COLLECTION, ids);
    }

    public boolean exists(ObjectId id) {
        return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    static User map(Document document) {
        List<String> roles = document.getList("roles", String.class, List.of());
        Set<Role> parsed = roles.stream()
            .filter((role) -> EnumSet.allOf(Role.class).stream().anyMatch((r) -> r.name().equals(role)))
            .map(Role::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new User(document.getObjectId("_id").toHexString(), document.getString("email"),
                document.getString("name"), parsed, instant(document.getDate("createdAt")),
                instant(document.getDate("updatedAt")));
    }

    private static Account account(Document document) {
        Number version = document.get(CREDENTIALS_VERSION, Number.class);
        return new Account(document.getObjectId("_id").toHexString(), document.getString("email"),
                document.getString(PASSWORD_HASH),
                map(document).roles().stream().map(Role::name).collect(Collectors.toSet()),
                (version != null) ? version.longValue() : 0L);
    }

    private static Instant instant(Date date) {
        return (date != null) ? date.toInstant() : null;
    }

}
