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
import org.springframework.stereotype.Repository;

import dev.dualdb.system.ExistingIds;
import dev.dualdb.user.Role;
import dev.dualdb.user.User;

/** The {@code users} collection, read and written as plain BSON. */
@Repository
public class UserRepository {

    static final String COLLECTION = "users";

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
        Date now = new Date();
        Document document = new Document("_id", new ObjectId()).append("email", email)
            .append("name", name)
            .append("roles", roles.stream().map(Role::name).sorted().toList())
            .append("createdAt", now)
            .append("updatedAt", now);
        this.mongo.insert(document, COLLECTION);
        return map(document);
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

    private static Instant instant(Date date) {
        return (date != null) ? date.toInstant() : null;
    }

}
