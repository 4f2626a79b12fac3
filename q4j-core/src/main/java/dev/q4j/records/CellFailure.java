package dev.q4j.records;

/**
 * A cell that did not convert, thrown from inside a row's reader or writer; the loop over the rows catches it and
 * throws a {@link RecordMappingException} that adds the row. No stack trace: the exception the user sees has one.
 */
final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Site site;
    private final String reason;

    CellFailure(Site site, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.site = site;
        this.reason = reason;
    }

    Site site() {
        return site;
    }

    String reason() {
        return reason;
    }

    RecordMappingException at(int row) {
        return site.exception(row, reason, getCause());
    }
}
