package dev.dualdb.course.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.NewCourseVideo;
import dev.dualdb.media.VideoType;
import dev.dualdb.system.ObjectIdParser;

/**
 * Body of {@code POST /api/courses/{id}/videos} as JSON: a video given by URL (the URL
 * itself is checked by the media module: http(s) only, and YouTube and Vimeo videos on
 * their own hosts).
 *
 * @param videoType the platform the link points at: YouTube, Vimeo, or any other https
 * URL (external)
 * @param videoUrl the absolute URL of the video; recorded, never fetched
 * @param title the title shown to students, at most 300 characters
 * @param duration length in seconds
 * @param lessonId the lesson it belongs to; without one it is a video of the course
 * itself
 * @param isPreview whether the video may be watched without enrolling; not if absent
 */
record CourseVideoRequest(@NotNull VideoType videoType, @NotBlank String videoUrl,
        @NotBlank @Size(max = 300) String title,
        @DecimalMin("0") @Digits(integer = 9, fraction = 3) BigDecimal duration,
        @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String lessonId, Boolean isPreview) {

    NewCourseVideo toNewVideo() {
        return new NewCourseVideo((this.lessonId == null) ? null : ObjectIdParser.parse(this.lessonId).toHexString(),
                this.title, this.videoType, this.videoUrl, this.duration, Boolean.TRUE.equals(this.isPreview));
    }
}
