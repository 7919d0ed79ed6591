package dev.dualdb.system;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Which documents of a collection exist, asked by {@code _id} with one query (the
 * reconciler asks in batches).
 */
public final class ExistingIds {

    private ExistingIds() {
    }

    public static Set<ObjectId> in(MongoTemplate mongo, String collection, Collection<ObjectId> ids) {
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection)
            .stream()
            .map((document) -> document.getObjectId("_id"))
            .collect(Collectors.toSet());
    }

}
