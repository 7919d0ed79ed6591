package dev.dualdb.access;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.support.ApiClient;
import dev.dualdb.support.Multipart;
import dev.dualdb.support.TestUsers;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callers of the rule table's columns, logged in through the API: an anonymous
 * client, a student, a student enrolled in every {@link World}'s course, the instructor
 * who teaches it, another instructor, an admin; and a bystander whose objects nobody but
 * an admin may see.
 *
 * @param anonymous a client without a token
 * @param admin a client with an admin's token
 * @param adminId the admin's user id
 * @param student a student
 * @param enrolled a student enrolled in the worlds' courses
 * @param instructor the instructor of the worlds' courses
 * @param otherInstructor an instructor of no world's course
 * @param bystander a student in no column
 * @param publicImage the path of a stored product image's bytes
 * @param publicThumbnail the path of one of its thumbnails
 */
record Cast(ApiClient anonymous, ApiClient admin, String adminId, TestUsers.LoggedIn student,
        TestUsers.LoggedIn enrolled, TestUsers.LoggedIn instructor, TestUsers.LoggedIn otherInstructor,
        TestUsers.LoggedIn bystander, String publicImage, String publicThumbnail) {

    static Cast create(ApiClient admin, Function<Role[], TestUsers.LoggedIn> logIn) {
        ApiClient.Response product = admin.post("/api/products",
                Map.of("name", "Public image", "price", 1, "sku", unique("IMG")));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        ApiClient.Response images = admin.multipart("/api/products/" + product.json().path("id").asString() + "/images",
                new Multipart().file("files", "photo.png", "image/png", png(800, 600)));
        assertThat(images.status()).as(images.toString()).isEqualTo(201);
        JsonNode image = images.json().get(0);
        assertThat(image.path("renditions").size()).as(images.toString()).isPositive();
        return new Cast(admin.anonymous(), admin, subject(admin.token()), logIn.apply(new Role[0]),
                logIn.apply(new Role[0]), logIn.apply(new Role[] { Role.INSTRUCTOR }),
                logIn.apply(new Role[] { Role.INSTRUCTOR }), logIn.apply(new Role[0]),
                image.path("imageUrl").asString(), image.path("renditions").get(0).path("url").asString());
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** The {@code sub} of a JWT, read without checking it. */
    static String subject(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(payload).path("sub").asString();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ApiClient client(Column column) {
        return switch (column) {
            case ANONYMOUS -> this.anonymous;
            case STUDENT -> this.student.client();
            case ENROLLED -> this.enrolled.client();
            case INSTRUCTOR -> this.instructor.client();
            case OTHER_INSTRUCTOR -> this.otherInstructor.client();
            case ADMIN -> this.admin;
        };
    }

    /**
     * The caller's own user id (the bystander's for the anonymous caller, who has none).
     */
    String id(Column column) {
        return switch (column) {
            case ANONYMOUS -> this.bystander.id();
            case STUDENT -> this.student.id();
            case ENROLLED -> this.enrolled.id();
            case INSTRUCTOR -> this.instructor.id();
            case OTHER_INSTRUCTOR -> this.otherInstructor.id();
            case ADMIN -> this.adminId;
        };
    }

    /** The columns of the rule table. */
    enum Column {

        ANONYMOUS, STUDENT, ENROLLED, INSTRUCTOR, OTHER_INSTRUCTOR, ADMIN

    }

    /**
     * One caller of the table: the cast and the column.
     *
     * @param cast every caller
     * @param column this one's column
     */
    record Who(Cast cast, Column column) {

        /** The caller's own id (the bystander's for the anonymous caller). */
        String self() {
            return this.cast.id(this.column);
        }

    }

}
