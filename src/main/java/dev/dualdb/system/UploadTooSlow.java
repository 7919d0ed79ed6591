package dev.dualdb.system;

/**
 * A request body arrived slower than the service accepts ({@code dualdb.http.*}) and was
 * cut off; nothing it carried is kept.
 */
public class UploadTooSlow extends DomainException {

    UploadTooSlow(long bytesPerSecond, long minimum) {
        super(Kind.TIMEOUT, "upload-too-slow", "The request body arrived at " + bytesPerSecond
                + " bytes a second, slower than the " + minimum + " this service waits for");
    }

}
