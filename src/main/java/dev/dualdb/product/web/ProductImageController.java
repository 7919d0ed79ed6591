package dev.dualdb.product.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.dualdb.media.ProductImage;
import dev.dualdb.media.web.UploadReceiver;
import dev.dualdb.media.web.UploadRoute;
import dev.dualdb.product.ProductService;

/** Routes for the images of one product. */
@RestController
@RequestMapping("/api/products/{id}/images")
@Tag(name = "products")
class ProductImageController {

    private final ProductService products;

    private final UploadReceiver uploads;

    ProductImageController(ProductService products, UploadReceiver uploads) {
        this.products = products;
        this.uploads = uploads;
    }

    /**
     * Uploads one or more image files (parts named {@code files}), each streamed into the
     * blob store.
     * @param id the product's id
     * @param request the multipart request, read as it streams in
     * @return 201 with the images added
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImageFilesForm.class)))
    @Operation(operationId = "addProductImages", summary = "Add images to a product")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400", description = "With files:\n- `no-file`: no part named `files`")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<ProductImage>> upload(@PathVariable ObjectId id, HttpServletRequest request) {
        List<ProductImage> saved = this.uploads.receive(request,
                UploadRoute.images(true, () -> this.products.requireProduct(id), UploadRoute.NO_CHECK),
                (fields, files) -> this.products.addUploadedImages(id, files));
        return ResponseEntity.created(URI.create("/api/products/" + id.toHexString())).body(saved);
    }

    @Operation(operationId = "addProductImages", summary = "Add images to a product",
            description = "As JSON, images given by URL (recorded, never fetched); as multipart/form-data, image "
                    + "files in parts named `files`, each streamed into the blob store and given thumbnails.")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "400",
            description = "Bad request:\n- `invalid-url`: an image URL is not an "
                    + "absolute http(s) URL\n- `several-primary-images`: more than one image is primary")
    @ApiResponse(responseCode = "404", description = "`product-not-found`")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<ProductImage>> add(@PathVariable ObjectId id, @Valid @RequestBody AddImagesRequest request) {
        List<ProductImage> saved = this.products.addImages(id,
                request.images().stream().map(ImageRequest::toNewImage).toList());
        return ResponseEntity.created(URI.create("/api/products/" + id.toHexString())).body(saved);
    }

    @Operation(operationId = "updateProductImage",
            summary = "Change the position, primary flag or alt text of an " + "image",
            description = "Only the fields given change; making an image primary makes the others not.")
    @ApiResponse(responseCode = "200", description = "The image as it is now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "`product-not-found`, `media-not-found`")
    @PatchMapping(path = "/{imageId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductImage update(@PathVariable ObjectId id, @PathVariable UUID imageId,
            @Valid @RequestBody UpdateImageRequest request) {
        return this.products.updateImage(id, imageId, request.toChanges());
    }

    @Operation(operationId = "deleteProductImage", summary = "Delete an image of a product",
            description = "The row goes at once; the bytes go when nothing refers to them any more.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "404", description = "`product-not-found`, `media-not-found`")
    @DeleteMapping("/{imageId}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id, @PathVariable UUID imageId) {
        this.products.deleteImage(id, imageId);
        return ResponseEntity.noContent().build();
    }

}
