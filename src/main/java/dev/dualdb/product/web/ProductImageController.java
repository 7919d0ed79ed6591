package dev.dualdb.product.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.dualdb.media.ProductImage;
import dev.dualdb.media.web.UploadReceiver;
import dev.dualdb.media.web.UploadRoute;
import dev.dualdb.product.ProductService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.bson.types.ObjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Routes for the images of one product. */
@RestController
@RequestMapping("/api/products/{id}/images")
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
     */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ImageFilesForm.class)))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<List<ProductImage>> upload(@PathVariable ObjectId id, HttpServletRequest request) {
        List<ProductImage> saved = this.uploads.receive(request,
                UploadRoute.images(true, () -> this.products.requireProduct(id), UploadRoute.NO_CHECK),
                (fields, files) -> this.products.addUploadedImages(id, files));
        return ResponseEntity.created(URI.create("/api/products/" + id.toHexString())).body(saved);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<ProductImage>> add(@PathVariable ObjectId id, @Valid @RequestBody AddImagesRequest request) {
        List<ProductImage> saved = products.addImages(id,
                request.images().stream().map(ImageRequest::toNewImage).toList());
        return ResponseEntity.created(URI.create("/api/products/" + id.toHexString())).body(saved);
    }

    @PatchMapping(path = "/{imageId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProductImage update(@PathVariable ObjectId id, @PathVariable UUID imageId,
            @Valid @RequestBody UpdateImageRequest request) {
        return products.updateImage(id, imageId, request.toChanges());
    }

    @DeleteMapping("/{imageId}")
    ResponseEntity<Void> delete(@PathVariable ObjectId id, @PathVariable UUID imageId) {
        products.deleteImage(id, imageId);
        return ResponseEntity.noContent().build();
    }

}
