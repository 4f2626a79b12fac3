package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QType;
import java.util.Objects;
import java.util.Optional;

/**
 * What a table's column holds, read from its file's header alone (no row is read): its q type as q4j reads it, its
 * attribute on disk, and how it is stored.
 *
 * <pre>{@code
 * for (HdbColumn c : hdb.table("trade").schema()) {
 *     System.out.println(c.name() + " " + c.type() + " " + c.storage());
 * }
 * }</pre>
 *
 * @param name the column's name
 * @param type the type of the column as read: {@link QType#SYMBOL} for an enumeration, {@link QType#LIST} for a
 *     nested column
 * @param attribute the attribute on disk
 * @param storage how the column is stored
 * @param domain the domain of an enumeration (such as {@code sym}), else empty
 */
public record HdbColumn(String name, QType type, Attribute attribute, Storage storage, Optional<String> domain) {
    /** How a column is stored. */
    public enum Storage {
        /** one file of items of a simple type */
        SIMPLE,
        /** one file of indices into a domain */
        ENUMERATED,
        /** two files: one entry per row in {@code name}, the items in {@code name#} */
        NESTED,
        /** the partition column, made from the partition directories' names */
        PARTITION,
        /** part of a table saved as one file */
        IN_FILE
    }

    /**
     * Checks that every part is there.
     *
     * @param name the column's name
     * @param type the type of the column as read
     * @param attribute the attribute on disk
     * @param storage how the column is stored
     * @param domain the domain of an enumeration, else empty
     */
    public HdbColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(domain, "domain");
    }
}
