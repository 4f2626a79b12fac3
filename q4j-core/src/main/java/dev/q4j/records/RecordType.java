package dev.q4j.records;

import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the mapper knows of one record class, found once per mapper: its components (name, declared type, column
 * name, q type asked for, accessor, converter) and canonical constructor as method handles; and, built on first use
 * and kept, the plan that writes its records to a table and the plans that read tables of each shape seen.
 */
final class RecordType {
    /** distinct table shapes kept per record class; past it, plans are built per call and not kept */
    private static final int MAX_SHAPES = 64;
    /** a method handle takes at most 255 argument slots; the row handle takes two per component before it is one */
    private static final int MAX_ARGUMENTS = 254;

    /**
     * @param name the component's name
     * @param type its declared type
     * @param raw its class
     * @param column the name written, after any {@link QColumn} name and the mapper's naming
     * @param renamed true when {@link QColumn} names the column: reading then matches that name only
     * @param hint the q type asked for, or {@code null}
     * @param accessor {@code (Object record) -> value}, the record cast inside
     * @param converter its converter, or {@code null}
     */
    record Component(String name, Type type, Class<?> raw, String column, boolean renamed, QType hint,
            MethodHandle accessor, ColumnConverter<?, ?> converter) {
    }

    final Class<?> type;
    final List<Component> components;
    /** the canonical constructor, {@code (c1, .., cn) -> R} */
    final MethodHandle constructor;
    private final RecordMapper mapper;
    private final Map<String, TableReader> readers = new ConcurrentHashMap<>();
    private volatile TableWriter writer;
    private volatile Values.Decoder[] decoders;
    private volatile Values.Encoder[] encoders;

    RecordType(Class<?> type, List<Component> components, MethodHandle constructor, RecordMapper mapper) {
        this.type = type;
        this.components = components;
        this.constructor = constructor;
        this.mapper = mapper;
    }

    static RecordType of(Class<?> type, MethodHandles.Lookup lookup, RecordMapper mapper)
            throws IllegalAccessException, NoSuchMethodException {
        RecordComponent[] rc = type.getRecordComponents();
        Class<?>[] raws = new Class<?>[rc.length];
        List<Component> components = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < rc.length; i++) {
            RecordComponent c = rc[i];
            raws[i] = c.getType();
            QColumn a = c.getAnnotation(QColumn.class);
            boolean renamed = a != null && !a.value().isEmpty();
            String column = renamed ? a.value() : mapper.naming() == ColumnNaming.SNAKE_CASE ? snake(c.getName())
                    : c.getName();
            if (columns.contains(column)) {
                throw new RecordMappingException(type, c.getName(), column, null, -1,
                        "two components map to the column `" + column, null);
            }
            columns.add(column);
            QType hint = a == null || a.type() == QType.LIST ? null : a.type();
            components.add(new Component(c.getName(), c.getGenericType(), c.getType(), column, renamed, hint,
                    lookup.unreflect(c.getAccessor()).asType(MethodType.methodType(c.getType(), Object.class)),
                    mapper.converter(type, c.getName(), c.getType())));
        }
        MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class, raws));
        return new RecordType(type, List.copyOf(components), guarded(type, constructor), mapper);
    }

    private static final MethodHandle REJECTED = Handles.findStatic(MethodHandles.lookup(), RecordType.class,
            "rejected", MethodType.methodType(Object.class, Class.class, Exception.class));

    /**
     * {@return the constructor, an exception from which (the record's own validation) becomes a {@link CellFailure}
     * naming the record class, so that the loop over the rows adds the row and keeps the exception as the cause}
     */
    private static MethodHandle guarded(Class<?> type, MethodHandle constructor) {
        MethodHandle handler = MethodHandles.insertArguments(REJECTED, 0, type)
                .asType(MethodType.methodType(type, Exception.class));
        handler = MethodHandles.dropArguments(handler, 1, constructor.type().parameterList());
        return MethodHandles.catchException(constructor, Exception.class, handler);
    }

    private static Object rejected(Class<?> type, Exception e) {
        throw new Site(type, null, null, null, null).fail("the constructor rejected the row: " + e, e);
    }

    /** {@return {@code tradeTime} as {@code trade_time}, {@code URLPath} as {@code url_path}} */
    static String snake(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnd = i > 0 && Character.isUpperCase(name.charAt(i - 1)) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || acronymEnd) {
                    b.append('_');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@return the position of the component's column among {@code names}, or -1} */
    static int find(Component c, List<String> names) {
        if (c.renamed) {
            return names.indexOf(c.column);
        }
        int i = names.indexOf(c.name);
        if (i < 0) {
            i = names.indexOf(snake(c.name));
        }
        if (i < 0) {
            i = names.indexOf(c.column);
        }
        return i;
    }

    Site site(Component c, String column, QType qType) {
        return new Site(type, c.name, c.type, column, qType);
    }

    RecordMappingException noColumn(Component c, List<String> names, String what) {
        String looked = c.renamed ? "`" + c.column : "`" + c.name + (snake(c.name).equals(c.name) ? ""
                : " or `" + snake(c.name));
        return site(c, null, null).exception(-1, "no " + what + " for this component (looked for " + looked
                + "; there are " + (names.isEmpty() ? "none" : "`" + String.join(" `", names)) + ")", null);
    }

    /** @throws RecordMappingException for the first of {@code names} that no component took, unless ignored */
    void checkUnmatched(List<String> names, boolean[] used, String what) {
        if (mapper.unmatched() == UnmatchedColumns.IGNORE) {
            return;
        }
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                List<String> components = new ArrayList<>();
                for (Component c : components()) {
                    components.add(c.name);
                }
                throw new RecordMappingException(type, null, names.get(i), null, -1, "the " + what
                        + " has no component in " + type.getSimpleName() + " " + components
                        + " (skip such " + what + "s with RecordMapper.builder().unmatchedColumns("
                        + "UnmatchedColumns.IGNORE))", null);
            }
        }
    }

    List<Component> components() {
        return components;
    }

    // ------------------------------------------------------------------ reading tables

    /** The plan that reads rows of one table shape into records. */
    static final class TableReader {
        final int[] columns;
        final Function<QSequence, Object>[] extract;
        /** {@code (Object[] data, int row) -> Object} */
        final MethodHandle row;

        TableReader(int[] columns, Function<QSequence, Object>[] extract, MethodHandle row) {
            this.columns = columns;
            this.extract = extract;
            this.row = row;
        }

        /** {@return what each component reads, taken from the table's columns} */
        Object[] bind(QTable table) {
            List<QSequence> cols = table.columns();
            Object[] data = new Object[columns.length];
            for (int k = 0; k < data.length; k++) {
                data[k] = extract[k].apply(cols.get(columns[k]));
            }
            return data;
        }
    }

    TableReader reader(QTable table) {
        List<String> names = table.columnNames();
        List<QSequence> cols = table.columns();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            key.append(names.get(i)).append('\0').append(cols.get(i).type().code()).append('\0');
        }
        String shape = key.toString();
        TableReader r = readers.get(shape);
        if (r == null) {
            r = buildReader(names, cols);
            if (readers.size() < MAX_SHAPES) {
                readers.putIfAbsent(shape, r);
            }
        }
        return r;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private TableReader buildReader(List<String> names, List<QSequence> cols) {
        int n = components.size();
        int[] columns = new int[n];
        Function<QSequence, Object>[] extract = new Function[n];
        MethodHandle[] getters = new MethodHandle[n];
        boolean[] used = new boolean[names.size()];
        for (int k = 0; k < n; k++) {
            Component c = components.get(k);
            int i = find(c, names);
            if (i < 0) {
                throw noColumn(c, names, "column");
            }
            if (used[i]) {
                throw site(c, names.get(i), cols.get(i).type()).exception(-1,
                        "another component reads this column too", null);
            }
            used[i] = true;
            columns[k] = i;
            Site site = site(c, names.get(i), cols.get(i).type());
            try {
                Columns.Reader r = mapper.values().reader(site, cols.get(i), c.type, c.converter);
                extract[k] = r.extract();
                getters[k] = MethodHandles.filterArguments(r.get().asType(MethodType.methodType(c.raw, Object.class,
                        int.class)), 0, slot(k));
            } catch (CellFailure f) {
                throw f.at(-1);
            }
        }
        checkUnmatched(names, used, "column");
        return new TableReader(columns, extract, rowReader(getters));
    }

    /** {@return {@code (Object[] data) -> data[k]}} */
    private static MethodHandle slot(int k) {
        return MethodHandles.insertArguments(MethodHandles.arrayElementGetter(Object[].class), 1, k);
    }

    /**
     * One handle that reads a row and makes its record: the constructor with each argument read by its getter,
     * every getter taking the same {@code (data, row)}. HotSpot compiles it as one piece of code once it is hot.
     */
    private MethodHandle rowReader(MethodHandle[] getters) {
        int n = getters.length;
        if (2 * n > MAX_ARGUMENTS) {
            throw new RecordMappingException(type, null, null, null, -1, "a record of " + n + " components: the mapper"
                    + " reads records of at most " + MAX_ARGUMENTS / 2, null);
        }
        MethodHandle h = constructor;
        if (n == 0) {
            h = MethodHandles.dropArguments(h, 0, Object[].class, int.class);
        } else {
            for (int k = n - 1; k >= 0; k--) {
                h = MethodHandles.collectArguments(h, k, getters[k]);
            }
            int[] reorder = new int[2 * n];
            for (int k = 0; k < n; k++) {
                reorder[2 * k] = 0;
                reorder[2 * k + 1] = 1;
            }
            h = MethodHandles.permuteArguments(h, MethodType.methodType(type, Object[].class, int.class), reorder);
        }
        return h.asType(MethodType.methodType(Object.class, Object[].class, int.class));
    }

    // ------------------------------------------------------------------ writing tables

    /** The plan that writes records into columns. */
    static final class TableWriter {
        final String[] names;
        final Columns.Writer[] columns;
        /** {@code (Object[] data, int row, Object record) -> void} */
        final MethodHandle row;

        TableWriter(String[] names, Columns.Writer[] columns, MethodHandle row) {
            this.names = names;
            this.columns = columns;
            this.row = row;
        }
    }

    TableWriter writer() {
        TableWriter w = writer;
        if (w == null) {
            w = buildWriter();
            writer = w;
        }
        return w;
    }

    private TableWriter buildWriter() {
        int n = components.size();
        String[] names = new String[n];
        Columns.Writer[] columns = new Columns.Writer[n];
        MethodHandle row = MethodHandles.empty(MethodType.methodType(void.class, Object[].class, int.class,
                Object.class));
        for (int k = n - 1; k >= 0; k--) {
            Component c = components.get(k);
            names[k] = c.column;
            try {
                columns[k] = mapper.values().writer(site(c, c.column, c.hint), c.type, c.hint, c.converter);
            } catch (CellFailure f) {
                throw f.at(-1);
            }
            MethodHandle set = columns[k].set().asType(MethodType.methodType(void.class, Object.class, int.class,
                    c.raw));
            set = MethodHandles.filterArguments(set, 2, c.accessor);
            set = MethodHandles.filterArguments(set, 0, slot(k));
            row = MethodHandles.foldArguments(row, set);
        }
        return new TableWriter(names, columns, row);
    }

    // ------------------------------------------------------------------ dictionaries

    Values.Decoder[] decoders() {
        Values.Decoder[] d = decoders;
        if (d == null) {
            d = new Values.Decoder[components.size()];
            for (int k = 0; k < d.length; k++) {
                Component c = components.get(k);
                try {
                    d[k] = mapper.values().decoder(site(c, c.column, null), c.type, c.converter);
                } catch (CellFailure f) {
                    throw f.at(-1);
                }
            }
            decoders = d;
        }
        return d;
    }

    Values.Encoder[] encoders() {
        Values.Encoder[] e = encoders;
        if (e == null) {
            e = new Values.Encoder[components.size()];
            for (int k = 0; k < e.length; k++) {
                Component c = components.get(k);
                try {
                    e[k] = mapper.values().encoder(site(c, c.column, c.hint), c.type, c.hint, c.converter);
                } catch (CellFailure f) {
                    throw f.at(-1);
                }
            }
            encoders = e;
        }
        return e;
    }

}
