/**
 * The blob store implementations (a local directory, an S3 bucket), the staging of
 * uploads they share, and the readers of container headers that content probing needs.
 */
package dev.dualdb.blob.internal;
