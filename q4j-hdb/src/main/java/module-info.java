/**
 * q4j hdb: kdb+ databases read straight from disk, with no kdb+ process ({@link dev.q4j.hdb.Hdb}).
 */
module dev.q4j.hdb {
    requires transitive dev.q4j.core;
    // optional codecs of compressed files (kxzipped algorithms 4 and 5), loaded only when a file needs one;
    // snappy-java (3) names no module, so it is found by reflection
    requires static org.lz4.java;
    requires static com.github.luben.zstd_jni;

    exports dev.q4j.hdb;
}
