package dev.dualdb.course;

import java.util.List;

/** A section to add, optionally with its first lessons; validated by the web layer. */
public record NewSection(String title, List<NewLesson> lessons) {
}
