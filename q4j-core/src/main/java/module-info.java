/**
 * q4j core: the q value model ({@link dev.q4j.value}) and the kdb+ IPC codec ({@link dev.q4j.codec}).
 * No I/O, no threads, no dependencies beyond {@code java.base}.
 */
module dev.q4j.core {
    exports dev.q4j;
    exports dev.q4j.value;
    exports dev.q4j.codec;
    exports dev.q4j.text;
    exports dev.q4j.records;
}
