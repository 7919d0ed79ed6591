/**
 * The {@code courses} collection: plain-BSON reads and writes, section edits guarded by a
 * version field, the size limits of a course document, and the course lookups the media
 * module needs.
 */
package dev.dualdb.course.internal;
