/**
 * Starting the embedded servers (a MongoDB-wire server and a real PostgreSQL) when no
 * external ones are configured.
 */
package dev.dualdb.embedded;
