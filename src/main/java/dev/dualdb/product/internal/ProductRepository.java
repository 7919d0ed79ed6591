package dev.dualdb.product.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import dev.dualdb.product.NewProduct;
import dev.dualdb.product.Product;
import dev.dualdb.product.ProductChanges;
import dev.dualdb.product.ProductStatus;
import dev.dualdb.system.ExistingIds;

/**
 * The {@code products} collection. Documents are read and written as plain BSON: updates
 * are {@code $set} of the changed fields only, so fields written by another application
 * sharing the database survive.
 */
@Repository
public class ProductRepository {

    static final String COLLECTION = "products";

    private final MongoTemplate mongo;

    ProductRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Product insert(ObjectId id, NewProduct product) {
        Date now = new Date();
        Document document = new Document("_id", id).append("name", product.name())
            .append("description", product.description())
            .append("price", new Decimal128(product.price()))
            .append("currency", product.currency())
            .append("sku", product.sku())
            .append("category", product.category())
            .append("stock", product.stock())
            .append("status", product.status().name())
            .append("createdAt", now)
            .append("updatedAt", now);
        this.mongo.insert(document, COLLECTION);
        return map(document);
    }

    public Optional<Product> find(ObjectId id) {
        return Optional.ofNullable(this.mongo.findById(id, Document.class, COLLECTION)).map(ProductRepository::map);
    }

    /**
     * Which of {@code ids} exist, with one query on {@code _id}.
     * @param ids the product ids to look for
     * @return those of {@code ids} that exist
     */
    public Set<ObjectId> existing(Collection<ObjectId> ids) {
        return ExistingIds.in(this.mongo, COLLECTION, ids);
    }

    public boolean exists(ObjectId id) {
        return this.mongo.exists(Query.query(Criteria.where("_id").is(id)), COLLECTION);
    }

    /**
     * A page in creation order, newest first.
     * @param page the page number, from 0
     * @param size the number of products on a page
     * @return the products of the page
     */
    public List<Product> page(int page, int size) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "_id")).skip((long) page * size).limit(size);
        return this.mongo.find(query, Document.class, COLLECTION).stream().map(ProductRepository::map).toList();
    }

    public long count() {
        return this.mongo.getCollection(COLLECTION).countDocuments();
    }

    public Optional<Product> update(ObjectId id, ProductChanges changes) {
        Update update = new Update().set("updatedAt", new Date());
        setIfPresent(update, "name", changes.name());
        setIfPresent(update, "description", changes.description());
        setIfPresent(update, "price", (changes.price() == null) ? null : new Decimal128(changes.price()));
        setIfPresent(update, "currency", changes.currency());
        setIfPresent(update, "sku", changes.sku());
        setIfPresent(update, "category", changes.category());
        setIfPresent(update, "stock", changes.stock());
        setIfPresent(update, "status", (changes.status() == null) ? null : changes.status().name());
        Document updated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), update,
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(updated).map(ProductRepository::map);
    }

    public boolean delete(ObjectId id) {
        return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION).getDeletedCount() == 1;
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    /**
     * The product of a document, which another application may have written: a product
     * without a currency is priced in USD, as this service creates it.
     * @param document the MongoDB document
     * @return the product
     */
    static Product map(Document document) {
        String currency = (document.get("currency") instanceof String text) ? text : "USD";
        return new Product(document.getObjectId("_id").toHexString(), document.getString("name"),
                document.getString("description"), decimal(document.get("price")), currency, document.getString("sku"),
                document.getString("category"), number(document.get("stock")), status(document.getString("status")),
                instant(document.getDate("createdAt")), instant(document.getDate("updatedAt")));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        return (value != null) ? new BigDecimal(value.toString()) : null;
    }

    private static int number(Object value) {
        return (value instanceof Number number) ? number.intValue() : 0;
    }

    private static ProductStatus status(String value) {
        try {
            return (value != null) ? ProductStatus.valueOf(value) : ProductStatus.DRAFT;
        }
        catch (IllegalArgumentException ex) {
            return ProductStatus.DRAFT;
        }
    }

    private static Instant instant(Date date) {
        return (date != null) ? date.toInstant() : null;
    }

}
