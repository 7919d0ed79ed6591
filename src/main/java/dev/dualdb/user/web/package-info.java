/**
 * The user and enrolment routes and their request records.
 */
package dev.dualdb.user.web;
