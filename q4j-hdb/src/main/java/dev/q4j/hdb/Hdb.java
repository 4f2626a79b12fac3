package dev.q4j.hdb;

import dev.q4j.value.QSymbolVector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A kdb+ database directory, read with no kdb+ process: its splayed tables (a directory with a {@code .d} file),
 * its tables saved as one file, and its partitioned tables (partition directories named by date
 * {@code 2024.01.02}, month {@code 2024.01} or integer {@code 42}, in the directory itself or in the segments that
 * {@code par.txt} lists, one directory per line). Enumerations are resolved against the domain files (such as
 * {@code sym}) in this directory; each domain is read once and shared.
 *
 * <pre>{@code
 * Hdb hdb = Hdb.open(Path.of("/data/hdb"));
 * hdb.tables();                       // [quote, trade]
 * hdb.partitions();                   // [2024.01.02, 2024.01.03]
 * QTable t = hdb.table("trade").partitions("2024.01.02").columns("sym", "price").read();
 * }</pre>
 *
 * <p>An {@code Hdb} holds no open file between calls and is safe to share between threads.
 */
public final class Hdb {
    private static final Pattern DATE = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}\\.\\d{2}");
    private static final Pattern INT = Pattern.compile("\\d{1,10}");

    private final Path dir;
    private final List<Path> segments;
    /** partition name to its directories (one per segment holding it), in partition order */
    private final Map<String, List<Path>> partitions;
    private final PartitionKind kind;
    private final Map<String, QSymbolVector> domains = new ConcurrentHashMap<>();

    private Hdb(Path dir, List<Path> segments, Map<String, List<Path>> partitions, PartitionKind kind) {
        this.dir = dir;
        this.segments = segments;
        this.partitions = partitions;
        this.kind = kind;
    }

    /**
     * Opens a database directory: lists its segments and partitions (no column is read yet).
     *
     * @param dir the directory
     * @return the database
     * @throws HdbException when {@code dir} is not a directory, {@code par.txt} names a segment that is not one, or
     *     partition directories are named in more than one way (dates beside months)
     */
    public static Hdb open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new HdbException(root, -1, "not a directory");
        }
        List<Path> segments = new ArrayList<>();
        Path par = root.resolve("par.txt");
        if (Files.isRegularFile(par)) {
            try {
                for (String line : Files.readAllLines(par, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        Path s = root.resolve(line.strip()).normalize();
                        if (!Files.isDirectory(s)) {
                            throw new HdbException(par, -1, "segment " + line.strip() + " is not a directory");
                        }
                        segments.add(s);
                    }
                }
            } catch (IOException e) {
                throw new HdbException(par, -1, "cannot be read: " + e, e);
            }
        } else {
            segments.add(root);
        }
        Map<String, List<Path>> found = new TreeMap<>();
        PartitionKind kind = null;
        for (Path s : segments) {
            for (Path p : list(s)) {
                String name = p.getFileName().toString();
                PartitionKind k = DATE.matcher(name).matches() ? PartitionKind.DATE
                        : MONTH.matcher(name).matches() ? PartitionKind.MONTH
                        : INT.matcher(name).matches() ? PartitionKind.INT : null;
                if (k == null || !Files.isDirectory(p)) {
                    continue;
                }
                if (kind != null && k != kind) {
                    throw new HdbException(p, -1, "partition directory named as a " + k.column() + " beside others"
                            + " named as a " + kind.column());
                }
                kind = k;
                k.value(p, name);
                found.computeIfAbsent(name, x -> new ArrayList<>()).add(p);
            }
        }
        Map<String, List<Path>> sorted = new TreeMap<>(kind == null ? null : kind.order());
        sorted.putAll(found);
        return new Hdb(root, List.copyOf(segments), Collections.unmodifiableMap(sorted), kind);
    }

    static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.toList());
            Collections.sort(out);
            return out;
        } catch (IOException e) {
            throw new HdbException(dir, -1, "cannot be listed: " + e, e);
        }
    }

    /** {@return the database directory} */
    public Path directory() {
        return dir;
    }

    /** {@return the segments partitions are found in: those {@code par.txt} lists, else the directory itself} */
    public List<Path> segments() {
        return segments;
    }

    /** {@return how the database is partitioned}, or empty when it has no partition directory */
    public Optional<PartitionKind> partitionKind() {
        return Optional.ofNullable(kind);
    }

    /** {@return the partitions' names, in order (dates, months and integers by value)} */
    public List<String> partitions() {
        return List.copyOf(partitions.keySet());
    }

    /**
     * {@return the names of the tables}, sorted: splayed tables and tables saved as one file in the directory, and
     * the tables in the partitions
     */
    public List<String> tables() {
        TreeSet<String> names = new TreeSet<>();
        for (Path p : list(dir)) {
            if (isSplayed(p) || isTableFile(p)) {
                names.add(p.getFileName().toString());
            }
        }
        for (List<Path> dirs : partitions.values()) {
            for (Path d : dirs) {
                for (Path p : list(d)) {
                    if (isSplayed(p)) {
                        names.add(p.getFileName().toString());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Names a table; nothing is read until a method of the table reads.
     *
     * @param name a table of {@link #tables()}
     * @return the table
     * @throws IllegalArgumentException when the database has no table of that name
     */
    public HdbTable table(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a table name");
        }
        Path at = dir.resolve(name);
        if (isSplayed(at)) {
            return new HdbTable(this, name, HdbTable.Layout.SPLAYED, List.of(at), null, null);
        }
        if (isTableFile(at)) {
            return new HdbTable(this, name, HdbTable.Layout.FILE, List.of(at), null, null);
        }
        List<String> holding = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : partitions.entrySet()) {
            for (Path d : e.getValue()) {
                if (isSplayed(d.resolve(name))) {
                    holding.add(e.getKey());
                    break;
                }
            }
        }
        if (holding.isEmpty()) {
            throw new IllegalArgumentException("no table " + name + " in " + dir + "; its tables: " + tables());
        }
        return new HdbTable(this, name, HdbTable.Layout.PARTITIONED, List.of(), holding, null);
    }

    /** {@return the directory of {@code table} in {@code partition}}, or null when that partition lacks it */
    Path partitionDir(String partition, String table) {
        List<Path> dirs = partitions.get(partition);
        if (dirs == null) {
            return null;
        }
        for (Path d : dirs) {
            if (isSplayed(d.resolve(table))) {
                return d.resolve(table);
            }
        }
        return null;
    }

    PartitionKind kind() {
        return kind;
    }

    /** {@return the domain of that name}, read once */
    QSymbolVector domain(String name) {
        return domains.computeIfAbsent(name, n -> KdbFiles.symbols(dir.resolve(n)));
    }

    private static boolean isSplayed(Path p) {
        return Files.isDirectory(p) && Files.isRegularFile(p.resolve(".d"));
    }

    /** a file whose first bytes are those of a serialized table ({@code ff 01 62}), compressed or not */
    private static boolean isTableFile(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        byte[] head = new byte[3];
        try (InputStream in = Files.newInputStream(p)) {
            if (in.readNBytes(head, 0, 3) < 3) {
                return false;
            }
        } catch (IOException e) {
            throw new HdbException(p, -1, "cannot be read: " + e, e);
        }
        if ((head[0] & 0xff) == 0xff && head[1] == 1 && head[2] == 98) {
            return true;
        }
        if (head[0] == 'k' && head[1] == 'x' && head[2] == 'z') {
            byte[] b = RawFile.read(p).head;
            return b.length >= 3 && (b[0] & 0xff) == 0xff && b[1] == 1 && b[2] == 98;
        }
        return false;
    }
}
