/**
 * q4j examples: the README's Java snippets as runnable programs ({@code dev.q4j.examples}), kept in step with the
 * README by a test, and the parts of {@code q4j demo} ({@link dev.q4j.examples.demo}). Not published: the
 * command-line jar bundles it for {@code q4j demo}.
 */
module dev.q4j.examples {
    requires transitive dev.q4j.ipc;
    requires dev.q4j.duckdb;
    requires dev.q4j.hdb;
    requires dev.q4j.jdbc;
    requires java.sql;

    exports dev.q4j.examples;
    exports dev.q4j.examples.demo;
    // RecordsExample's record classes, read and made by RecordMapper
    opens dev.q4j.examples to dev.q4j.core;
}
