package dev.dualdb.security;

/**
 * How many bytes of media a user has put into the service, for the instructors' storage
 * quota. Implemented by the module that knows what a user owns (courses know their
 * instructor); the quota is not enforced when no module implements it.
 */
public interface StorageUsage {

    /**
     * The bytes of the uploaded files the user is answerable for now (deleted media no
     * longer counts).
     * @param userId the user's id
     * @return the total size in bytes
     */
    long bytesStoredBy(String userId);

}
