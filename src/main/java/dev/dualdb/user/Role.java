package dev.dualdb.user;

/** What a user may do; stored now, enforced when security arrives. */
public enum Role {

    STUDENT, INSTRUCTOR, ADMIN

}
