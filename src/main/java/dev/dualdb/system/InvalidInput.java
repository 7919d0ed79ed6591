package dev.dualdb.system;

/**
 * A request value that is well-formed JSON but not acceptable (an unsafe URL, an unknown
 * id in a reorder, …).
 */
public class InvalidInput extends DomainException {

    public InvalidInput(String code, String message) {
        super(Kind.INVALID, code, message);
    }

}
