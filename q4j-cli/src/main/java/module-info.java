/**
 * The {@code q4j} command-line tool: the q console ({@code q4j HOST:PORT}), {@code q4j query}, {@code q4j decode},
 * {@code q4j encode} and more. Its main class is {@link dev.q4j.cli.Q4j}. Nothing is exported: the commands are for
 * people and scripts, not for other modules.
 */
module dev.q4j.cli {
    requires dev.q4j.core;
    requires dev.q4j.ipc;
    // q4j record and q4j replay
    requires dev.q4j.testkit;
    // query --format arrow|parquet, --sql and the console's \sql
    requires dev.q4j.arrow;
    requires dev.q4j.duckdb;
    // q4j hdb: kdb+ databases on disk
    requires dev.q4j.hdb;
    // q4j demo's feed and real-time database
    requires dev.q4j.examples;
    requires info.picocli;
    // the console's line editing and terminal (an automatic module)
    requires org.jline;

    // picocli fills the annotated command fields by reflection
    opens dev.q4j.cli to info.picocli;
}
