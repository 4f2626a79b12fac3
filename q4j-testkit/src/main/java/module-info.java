/**
 * q4j testkit: a scripted fake kdb+ and its JUnit 5 extension ({@link dev.q4j.testkit}), a recording proxy and a
 * replay server ({@link dev.q4j.testkit.replay}), assertions on q values ({@link dev.q4j.testkit.assertions}, needs
 * AssertJ) and generators of q values ({@link dev.q4j.testkit.generators}, needs jqwik).
 */
module dev.q4j.testkit {
    requires transitive dev.q4j.ipc;
    requires transitive org.junit.jupiter.api;
    // optional: only the packages that use them need them (a modular user of them requires them too); not
    // transitive, so that compiling against the testkit does not need them
    requires static org.assertj.core;
    requires static net.jqwik.api;

    exports dev.q4j.testkit;
    exports dev.q4j.testkit.replay;
    exports dev.q4j.testkit.generators;
    exports dev.q4j.testkit.assertions;
}
