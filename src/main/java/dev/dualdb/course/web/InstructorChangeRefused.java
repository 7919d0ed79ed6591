package dev.dualdb.course.web;

import dev.dualdb.system.DomainException;

/** An instructor tried to give their course to someone else: only an admin may. */
class InstructorChangeRefused extends DomainException {

    InstructorChangeRefused() {
        super(Kind.FORBIDDEN, "instructor-change-refused", "Only an admin gives a course to another instructor");
    }

}
