/**
 * The administration route that runs the reconciler on demand and answers with its
 * report.
 */
package dev.dualdb.consistency.web;
