/**
 * q4j hdb: kdb+ databases read straight from disk, with no kdb+ process ({@link dev.q4j.hdb.Hdb}).
 */
module dev.q4j.hdb {
    requires transitive dev.q4j.core;

    exports dev.q4j.hdb;
}
