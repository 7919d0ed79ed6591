/**
 * The course routes: courses, their curriculum of sections and lessons, and the lesson
 * videos and course resources, with the request and response records and multipart forms
 * they use.
 */
package dev.dualdb.course.web;
