package dev.dualdb.blob.internal;

import dev.dualdb.blob.UploadKind;
import dev.dualdb.system.DomainException;

/**
 * The bytes are of a type this kind of upload does not take, or the client's declared
 * type contradicts what the bytes are. Both are judged on the type sniffed from the
 * bytes, never on the client's word alone.
 */
public final class UnsupportedMediaType extends DomainException {

    private final String detectedType;

    private UnsupportedMediaType(String code, String message, String detectedType) {
        super(Kind.UNSUPPORTED_MEDIA_TYPE, code, message);
        this.detectedType = detectedType;
    }

    /**
     * The sniffed type is not on the allow-list of this kind of upload.
     * @param kind the kind of upload
     * @param detectedType the type sniffed from the bytes
     * @return the exception to throw
     */
    public static UnsupportedMediaType notAllowed(UploadKind kind, String detectedType) {
        return new UnsupportedMediaType("unsupported-media-type",
                "Content of type " + detectedType + " is not accepted as " + kind.description(), detectedType);
    }

    /**
     * The client declared one type, the bytes are another.
     * @param claimedType the type the client declared
     * @param detectedType the type sniffed from the bytes
     * @return the exception to throw
     */
    public static UnsupportedMediaType mismatch(String claimedType, String detectedType) {
        return new UnsupportedMediaType("content-type-mismatch",
                "The upload was declared as " + claimedType + " but its content is " + detectedType, detectedType);
    }

    /**
     * The type sniffed from the bytes.
     * @return the sniffed media type
     */
    public String detectedType() {
        return this.detectedType;
    }

}
