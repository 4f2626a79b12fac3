package dev.q4j.hdb;

import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.nio.file.Path;

/**
 * One kdb+ file read as q's {@code get} reads it, with no kdb+ process: a simple column file as its vector, a
 * symbol list file ({@code sym}, {@code .d}) as a symbol vector, a value saved as one file (a table, a dictionary,
 * any list) as that value. An uncompressed column file is memory-mapped and its items of 4 and 8 bytes are read in
 * place; a compressed file ({@code kxzipped}) is uncompressed into memory first: gzip and stored blocks always,
 * snappy, lz4hc and zstd when their optional library is present; q's IPC algorithm fails with an error saying so.
 *
 * <pre>{@code
 * QVector prices = (QVector) KdbFiles.read(Path.of("/data/hdb/2024.01.02/trade/price"));
 * QSymbolVector columns = KdbFiles.symbols(Path.of("/data/hdb/2024.01.02/trade/.d"));
 * }</pre>
 *
 * <p>Enumerated and nested columns need more than their own file (their domain, their {@code name#} file): read them
 * through {@link Hdb}.
 */
public final class KdbFiles {
    private KdbFiles() {
    }

    /**
     * Reads one file.
     *
     * @param file a simple column file, a symbol list file or a value saved as one file
     * @return its value
     * @throws HdbException when the file cannot be read, its header is none kdb+ writes, its size does not match its
     *     type, it is an enumerated or nested column (read those through {@link Hdb}), or its layout is not known
     */
    public static QValue read(Path file) {
        ColumnFile f = ColumnFile.parse(RawFile.read(file));
        switch (f.kind) {
            case SIMPLE:
                long n = f.countFromSize();
                if (n < 0) {
                    throw new HdbException(file, 3, "a column with attribute " + f.attribute + " may hold index data"
                            + " after its rows: its row count comes from its table (read it through Hdb)");
                }
                if (n > Integer.MAX_VALUE - 8) {
                    throw new HdbException(file, -1, n + " rows: columns of more rows than an array holds are not"
                            + " read yet");
                }
                return f.simple((int) n);
            case SERIALIZED:
                return f.serialized();
            case ENUMERATED:
                throw new HdbException(file, -1, "an enumeration against " + f.domain + ": read it through Hdb,"
                        + " which finds its domain");
            default:
                throw new HdbException(file, -1, "a nested column: read it through Hdb, which reads its "
                        + file.getFileName() + "# file too");
        }
    }

    /**
     * Reads a symbol list file, such as a table's {@code .d} or an enumeration's domain {@code sym}.
     *
     * @param file the file
     * @return its symbols, in order
     * @throws HdbException when it is not a symbol list file or its last symbol is not terminated
     */
    public static QSymbolVector symbols(Path file) {
        return ColumnFile.parse(RawFile.read(file)).symbols();
    }
}
