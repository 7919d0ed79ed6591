package dev.dualdb.product.web;

import java.net.URI;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.media.web.UploadReceiver;
import dev.dualdb.media.web.UploadRoute;
import dev.dualdb.product.Product;
import dev.dualdb.product.ProductService;
import dev.dualdb.product.ProductWithImages;
import dev.dualdb.system.InvalidInput;

/** Product routes: the product document (MongoDB) with its images (PostgreSQL). */
@RestController
@RequestMapping("/api/products")
@Tag(name = "products")
class ProductController {

    private final ProductService products;

    private final UploadReceiver uploads;

    private final JsonMapper json;

    private final Validator validator;

    ProductController(ProductService products, UploadReceiver uploads, JsonMapper json, Validator validator) {
        this.products = products;
        this.uploads = uploads;
        this.json = json;
        this.validator = validator;
    }

    @Operation(operationId = "createProduct", summary = "Create a product, optionally with images",
            description = "As JSON, images are given by URL (recorded, never fetched). As multipart/form-data, a "
                    + "`product` part (the product's JSON, without images) comes first, then image files in `files` "
                    + "parts, each streamed into the blob store as it arrives. All or nothing: if the images cannot "
                    + "be recorded, no product remains.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400",
            description = "Bad request:\n- `invalid-url`: an image URL is not an "
                    + "absolute http(s) URL\n- `several-primary-images`: more than one image is primary")
    @ApiResponse(responseCode = "409", description = "`duplicate-sku`: another product has this SKU")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProductResponse> create(@Valid @RequestBody CreateProductRequest request) {
        ProductWithImages created = this.products.create(request.toNewProduct(), request.toNewImages());
        return ResponseEntity.created(URI.create("/api/products/" + created.product().id()))
            .body(ProductResponse.of(created));
    }

    /**
     * Creates a product with uploaded images: a {@code product} part (the JSON of the
     * product, first), then one or more image files in {@code files} parts, each streamed
     * into the blob store as it arrives.
     * @param request the multipart request, read as it streams in
     * @return 201 with the product and its images
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ProductWithFilesForm.class)))
    @Operation(operationId = "createProduct", summary = "Create a product, optionally with images")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "With files:\n- `missing-product-part`, `images-in-multipart`")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ProductResponse> createWithFiles(HttpServletRequest request) {
        CreateProductRequest[] product = new CreateProductRequest[1];
        UploadRoute route = UploadRoute.images(false, UploadRoute.NO_OWNER_IN_PATH, (fields) -> {
            if (product[0] == null) {
                product[0] = parseProduct(fields.get("product"));
            }
        });
        ProductWithImages created = this.uploads.receive(request, route, (fields, files) -> {
            CreateProductRequest checked = (product[0] != null) ? product[0] : parseProduct(fields.get("product"));
            return this.products.createWithUploads(checked.toNewProduct(), files);
        });
        return ResponseEntity.created(URI.create("/api/products/" + created.product().id()))
            .body(ProductResponse.of(created));
    }

    private CreateProductRequest parseProduct(String text) {
        if (text == null) {
            throw new InvalidInput("missing-product-part",
                    "Send the product as a 'product' part (JSON) before the files");
        }
        CreateProductRequest request;
        try {
            request = this.json.readValue(text, CreateProductRequest.class);
        }
        catch (RuntimeException ex) {
            throw new InvalidInput("malformed-body", "The 'product' part is not valid JSON for a product");
        }
        Set<ConstraintViolation<CreateProductRequest>> violations = this.validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (request.images() != null && !request.images().isEmpty()) {
            throw new InvalidInput("images-in-multipart",
                    "With file uploads, send images as files; image URLs go in a JSON request");
        }
        return request;
    }

    @Operation(operationId = "getProduct", summary = "Get a product with its images",
            description = "The document from MongoDB and its images from PostgreSQL, fetched in parallel; when "
                    + "PostgreSQL cannot be asked, `mediaAvailable` is false and `images` empty.")
    @ApiResponse(responseCode = "200", description = "The product with its images", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`product-not-found`")
    @GetMapping("/{id}")
    ProductResponse get(@PathVariable ObjectId id) {
        return ProductResponse.of(this.products.get(id));
    }

    @Operation(operationId = "listProducts", summary = "List products, newest first, with their images",
            description = "A page costs one MongoDB query and one PostgreSQL query, whatever its size.")
    @GetMapping
    ProductPageResponse list(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ProductPageResponse.of(this.products.list(page, size));
    }

    @Operation(operationId = "updateProduct", summary = "Change some fields of a product",
            description = "Only the fields given change; a field written by another application is never dropped.")
    @ApiResponse(responseCode = "200", description = "The product as it is now, with its images",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`product-not-found`")
    @ApiResponse(responseCode = "409", description = "`duplicate-sku`: another product has this SKU")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductResponse update(@PathVariable ObjectId id, @Valid @RequestBody UpdateProductRequest request) {
        Product updated = this.products.update(id, request.toChanges());
        return ProductResponse.of(this.products.get(new ObjectId(updated.id())));
    }

    @Operation(operationId = "deleteProduct", summary = "Delete a product and its images",
            description = "The document goes first; its image rows follow (or are removed by the reconciler if "
                    + "PostgreSQL is away), and bytes nothing refers to any more are collected.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`product-not-found`")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id) {
        this.products.delete(id);
        return ResponseEntity.noContent().build();
    }

}
