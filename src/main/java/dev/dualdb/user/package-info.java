/**
 * Users and their enrolments in courses (MongoDB); later the identity behind security.
 */
package dev.dualdb.user;
