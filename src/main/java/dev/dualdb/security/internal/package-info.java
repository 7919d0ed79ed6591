/**
 * The security module's own parts: the filter chain, signing keys, tokens.
 */
package dev.dualdb.security.internal;
