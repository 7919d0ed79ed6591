/**
 * The security module's routes: log in, refresh, log out, change password, the JWKS.
 */
package dev.dualdb.security.web;
