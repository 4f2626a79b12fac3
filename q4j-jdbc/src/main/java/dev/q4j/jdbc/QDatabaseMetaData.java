package dev.q4j.jdbc;

import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QFloat;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the server holds, asked of it with the q requests of {@link MetaQueries}: the product version, namespaces as
 * schemas, tables and views, their columns and keyed tables' keys. kdb+ has no catalogs, procedures, indexes,
 * privileges or foreign keys that JDBC could describe: those give empty results with JDBC's columns.
 *
 * <p>Namespaces are schemas, named as q writes them: the root namespace is the schema {@code .}, its tables named as in
 * q ({@code trade}); a namespace {@code .ns} is the schema {@code .ns}, its tables named in full ({@code .ns.trade})
 * so that a table's name works in q as it is, whatever the schema.
 */
final class QDatabaseMetaData extends JdbcWrapper implements DatabaseMetaData {
    private final QJdbcConnection connection;
    private QList version;

    QDatabaseMetaData(QJdbcConnection connection) {
        super("q4j's database metadata");
        this.connection = connection;
    }

    private void checkOpen() throws SQLException {
        connection.checkOpen();
    }

    private QValue ask(QValue request) throws SQLException {
        return connection.run(request, connection.defaultQueryTimeout(), f -> { });
    }

    /** {@return {@code (.z.K;.z.k)}, asked once} */
    private QList version() throws SQLException {
        if (version == null) {
            QValue v = ask(QCharVector.of(MetaQueries.VERSION));
            if (!(v instanceof QList l) || l.count() != 2 || !(l.at(0) instanceof QFloat)
                    || !(l.at(1) instanceof QDate)) {
                throw new SQLException("the server answered " + MetaQueries.VERSION + " with " + v
                        + ", not (float;date)", "HY000");
            }
            version = l;
        }
        return version;
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        checkOpen();
        return "kdb+";
    }

    /** {@return {@code .z.K} and {@code .z.k}: {@code "4.1 2024.10.16"}} */
    @Override
    public String getDatabaseProductVersion() throws SQLException {
        QList v = version();
        return String.format(java.util.Locale.ROOT, "%.1f %s", ((QFloat) v.at(0)).value(), v.at(1));
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return (int) Math.floor(((QFloat) version().at(0)).value());
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        double k = ((QFloat) version().at(0)).value();
        return (int) Math.round((k - Math.floor(k)) * 10);
    }

    @Override
    public String getURL() throws SQLException {
        checkOpen();
        return JdbcUrl.redact(connection.url());
    }

    @Override
    public String getUserName() throws SQLException {
        checkOpen();
        return connection.q().options().user();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public String getDriverName() {
        return "q4j JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return QDriver.MAJOR + "." + QDriver.MINOR;
    }

    @Override
    public int getDriverMajorVersion() {
        return QDriver.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return QDriver.MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public boolean supportsResultSetType(int type) throws SQLException {
        checkOpen();
        return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) throws SQLException {
        checkOpen();
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        checkOpen();
        return Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
        checkOpen();
        return level == Connection.TRANSACTION_NONE;
    }

    // ---------------------------------------------------------------- from the server

    /** {@return whether {@code name} matches the JDBC pattern ({@code %}, {@code _}, {@code \} escapes); null: all} */
    static boolean matches(String pattern, String name) {
        if (pattern == null) {
            return true;
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(name).matches();
    }

    /** {@return the namespaces other than KX's (single-letter names are reserved for KX), as {@code .ns}} */
    private List<String> namespaces() throws SQLException {
        QValue v = ask(QCharVector.of(MetaQueries.NAMESPACES));
        if (!(v instanceof QSymbolVector names)) {
            throw new SQLException("the server answered " + MetaQueries.NAMESPACES + " with " + v
                    + ", not symbols", "HY000");
        }
        List<String> out = new ArrayList<>();
        for (String n : names.array()) {
            if (n.length() > 1) {
                out.add("." + n);
            }
        }
        out.sort(null);
        return out;
    }

    /** The root namespace's schema name, as q writes the root: {@code `.}. */
    static final String ROOT = ".";

    /** A table or view: its schema ({@link #ROOT} for the root namespace), q name and kind. */
    private record Table(String schema, String name, String type) { }

    /** {@return the tables and views of the schemas {@code schemaPattern} matches (null: all)} */
    private List<Table> tables(String schemaPattern, String namePattern) throws SQLException {
        List<String> schemas = new ArrayList<>();
        for (String ns : schemas()) {
            if (matches(schemaPattern, ns)) {
                schemas.add(ns);
            }
        }
        List<Table> out = new ArrayList<>();
        for (String schema : schemas) {
            QValue v = ask(QList.of(QCharVector.of(MetaQueries.TABLES), QSymbol.of(schema)));
            if (!(v instanceof QList l) || l.count() != 2) {
                throw new SQLException("the server answered " + MetaQueries.TABLES + " with " + v
                        + ", not (tables;views)", "HY000");
            }
            for (int kind = 0; kind < 2; kind++) {
                for (String n : names(l.at(kind))) {
                    String name = schema.equals(ROOT) ? n : schema + "." + n;
                    if (matches(namePattern, name)) {
                        out.add(new Table(schema, name, kind == 0 ? "TABLE" : "VIEW"));
                    }
                }
            }
        }
        return out;
    }

    /** {@return the schemas: the root namespace, then the others but KX's} */
    private List<String> schemas() throws SQLException {
        List<String> out = new ArrayList<>();
        out.add(ROOT);
        out.addAll(namespaces());
        return out;
    }

    private static List<String> names(QValue v) throws SQLException {
        if (v instanceof QSymbolVector s) {
            return Arrays.asList(s.array());
        }
        if (v instanceof QList l && l.count() == 0) {
            return List.of();
        }
        throw new SQLException("expected table names (symbols), got " + v, "HY000");
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        checkOpen();
        MetaRows rows = new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS", "TYPE_CAT",
                "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION");
        if (catalog != null && !catalog.isEmpty()) {
            return rows.resultSet();
        }
        List<String> wanted = types == null ? null : Arrays.asList(types);
        List<Table> tables = new ArrayList<>(tables(schemaPattern, tableNamePattern));
        tables.sort(java.util.Comparator.comparing(Table::type)
                .thenComparing(t -> t.schema() == null ? "" : t.schema()).thenComparing(Table::name));
        for (Table t : tables) {
            if (wanted == null || wanted.contains(t.type())) {
                rows.add(null, t.schema(), t.name(), t.type(), null, null, null, null, null, null);
            }
        }
        return rows.resultSet();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        checkOpen();
        MetaRows rows = new MetaRows("TABLE_SCHEM", "TABLE_CATALOG");
        if (catalog == null || catalog.isEmpty()) {
            for (String ns : schemas()) {
                if (matches(schemaPattern, ns)) {
                    rows.add(ns, null);
                }
            }
        }
        return rows.resultSet();
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT").resultSet();
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_TYPE").add("TABLE").add("VIEW").resultSet();
    }

    /** {@return the column of {@code meta}'s type letter: lower case an atom's type, upper case a list's} */
    static Column typeOf(char t) {
        if (t == ' ') {
            return Column.of("", QList.EMPTY);
        }
        if (Character.isUpperCase(t)) {
            QType item = QType.ofLetter(Character.toLowerCase(t));
            QList sample = QList.of(QVectors.empty(item));
            return Column.of("", sample);
        }
        return Column.of("", QVectors.empty(QType.ofLetter(t)));
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        checkOpen();
        MetaRows rows = new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:i",
                "TYPE_NAME", "COLUMN_SIZE:i", "BUFFER_LENGTH:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i",
                "NULLABLE:i", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
                "ORDINAL_POSITION:i", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
                "SOURCE_DATA_TYPE:h", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
        if (catalog != null && !catalog.isEmpty()) {
            return rows.resultSet();
        }
        for (Table t : tables(schemaPattern, tableNamePattern)) {
            QTable meta = unkey(ask(QList.of(QCharVector.of(MetaQueries.COLUMNS), QSymbol.of(t.name()))),
                    MetaQueries.COLUMNS);
            String[] names = ((QSymbolVector) meta.column("c")).array();
            byte[] letters = ((QCharVector) meta.column("t")).array();
            for (int i = 0; i < names.length; i++) {
                if (!matches(columnNamePattern, names[i])) {
                    continue;
                }
                Column type = typeOf((char) letters[i]);
                boolean nullable = !(type instanceof Column.BooleanColumn || type instanceof Column.ByteColumn);
                rows.add(null, t.schema(), t.name(), names[i], type.sqlType(), type.typeName(), type.precision(),
                        null, type.scale(), type.signed() ? 10 : null,
                        nullable ? columnNullable : columnNoNulls, null, null, null, null,
                        type.sqlType() == Types.VARCHAR || type.sqlType() == Types.CHAR ? type.precision() : null,
                        i + 1, nullable ? "YES" : "NO", null, null, null, null, "NO", "NO");
            }
        }
        return rows.resultSet();
    }

    private static QTable unkey(QValue v, String request) throws SQLException {
        QTable t = v instanceof QKeyedTable k ? k.unkeyed() : v instanceof QTable plain ? plain : null;
        if (t == null || t.indexOf("c") < 0 || t.indexOf("t") < 0
                || !(t.column("c") instanceof QSymbolVector) || !(t.column("t") instanceof QCharVector)) {
            throw new SQLException("the server answered " + request + " with " + v + ", not meta's c|t f a",
                    "HY000");
        }
        return t;
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        checkOpen();
        MetaRows rows = new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:h",
                "PK_NAME");
        if (catalog != null && !catalog.isEmpty() || table == null) {
            return rows.resultSet();
        }
        for (Table t : tables(schema, escape(table))) {
            QValue keys = ask(QList.of(QCharVector.of(MetaQueries.KEYS), QSymbol.of(t.name())));
            List<String> names = names(keys);
            for (int i = 0; i < names.size(); i++) {
                rows.add(null, t.schema(), t.name(), names.get(i), i + 1, null);
            }
        }
        return rows.resultSet();
    }

    /** {@return {@code name} as a pattern matching only itself} */
    private static String escape(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** One row per q type: what {@code getColumns} reports for a column of that type. */
    @Override
    public ResultSet getTypeInfo() throws SQLException {
        checkOpen();
        MetaRows rows = new MetaRows("TYPE_NAME", "DATA_TYPE:i", "PRECISION:i", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                "CREATE_PARAMS", "NULLABLE:h", "CASE_SENSITIVE:b", "SEARCHABLE:h", "UNSIGNED_ATTRIBUTE:b",
                "FIXED_PREC_SCALE:b", "AUTO_INCREMENT:b", "LOCAL_TYPE_NAME", "MINIMUM_SCALE:h", "MAXIMUM_SCALE:h",
                "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "NUM_PREC_RADIX:i");
        List<Column> types = new ArrayList<>();
        for (char c : "bgxhijefcspmdznuvtC".toCharArray()) {
            types.add(typeOf(c));
        }
        types.sort(java.util.Comparator.comparingInt(Column::sqlType));
        for (Column c : types) {
            boolean nullable = !(c instanceof Column.BooleanColumn || c instanceof Column.ByteColumn);
            boolean text = c.sqlType() == Types.VARCHAR || c.sqlType() == Types.CHAR;
            rows.add(c.typeName(), c.sqlType(), c.precision(), text ? "\"" : null, text ? "\"" : null, null,
                    nullable ? typeNullable : typeNoNulls, text, typeSearchable, !c.signed(), false, false,
                    c.typeName(), c.scale(), c.scale(), null, null, c.signed() ? 10 : null);
        }
        return rows.resultSet();
    }

    // ---------------------------------------------------------------- nothing kdb+ has: empty, JDBC's columns

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "reserved1", "reserved2",
                "reserved3", "REMARKS", "PROCEDURE_TYPE:h", "SPECIFIC_NAME").resultSet();
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:h",
                "DATA_TYPE:i", "TYPE_NAME", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h", "NULLABLE:h",
                "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
                "ORDINAL_POSITION:i", "IS_NULLABLE", "SPECIFIC_NAME").resultSet();
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE:h",
                "SPECIFIC_NAME").resultSet();
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE:h",
                "DATA_TYPE:i", "TYPE_NAME", "PRECISION:i", "LENGTH:i", "SCALE:h", "RADIX:h", "NULLABLE:h",
                "REMARKS", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i", "IS_NULLABLE",
                "SPECIFIC_NAME").resultSet();
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE",
                "PRIVILEGE", "IS_GRANTABLE").resultSet();
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE").resultSet();
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        checkOpen();
        return new MetaRows("SCOPE:h", "COLUMN_NAME", "DATA_TYPE:i", "TYPE_NAME", "COLUMN_SIZE:i",
                "BUFFER_LENGTH:i", "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h").resultSet();
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        checkOpen();
        return new MetaRows("SCOPE:h", "COLUMN_NAME", "DATA_TYPE:i", "TYPE_NAME", "COLUMN_SIZE:i",
                "BUFFER_LENGTH:i", "DECIMAL_DIGITS:h", "PSEUDO_COLUMN:h").resultSet();
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        checkOpen();
        return new MetaRows("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
                "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:h", "UPDATE_RULE:h",
                "DELETE_RULE:h", "FK_NAME", "PK_NAME", "DEFERRABILITY:h").resultSet();
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        checkOpen();
        return new MetaRows("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
                "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:h", "UPDATE_RULE:h",
                "DELETE_RULE:h", "FK_NAME", "PK_NAME", "DEFERRABILITY:h").resultSet();
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        checkOpen();
        return new MetaRows("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
                "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:h", "UPDATE_RULE:h",
                "DELETE_RULE:h", "FK_NAME", "PK_NAME", "DEFERRABILITY:h").resultSet();
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:b", "INDEX_QUALIFIER",
                "INDEX_NAME", "TYPE:h", "ORDINAL_POSITION:h", "COLUMN_NAME", "ASC_OR_DESC", "CARDINALITY:j",
                "PAGES:j", "FILTER_CONDITION").resultSet();
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        checkOpen();
        return new MetaRows("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:i", "REMARKS",
                "BASE_TYPE:h").resultSet();
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        checkOpen();
        return new MetaRows("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM",
                "SUPERTYPE_NAME").resultSet();
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME").resultSet();
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:i", "ATTR_TYPE_NAME",
                "ATTR_SIZE:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "NULLABLE:i", "REMARKS", "ATTR_DEF",
                "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i", "ORDINAL_POSITION:i",
                "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
                "SOURCE_DATA_TYPE:h").resultSet();
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        checkOpen();
        return new MetaRows("NAME", "MAX_LEN:i", "DEFAULT_VALUE", "DESCRIPTION").resultSet();
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern)
            throws SQLException {
        checkOpen();
        return new MetaRows("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:i", "COLUMN_SIZE:i",
                "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:i",
                "IS_NULLABLE").resultSet();
    }

    // ---------------------------------------------------------------- what kdb+ is (SQL features: not SQL)

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        checkOpen();
        return true;
    }

    /**
     * {@return SQL's double quote: q names need no quoting, but tools parse their own commands with this string, and
     * JDBC's "a space for none" breaks them (sqlline's {@code !columns trade} reads the space as a quote)}
     */
    @Override
    public String getIdentifierQuoteString() throws SQLException {
        checkOpen();
        return "\"";
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        checkOpen();
        return "";
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        checkOpen();
        return "";
    }

    @Override
    public String getStringFunctions() throws SQLException {
        checkOpen();
        return "";
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        checkOpen();
        return "";
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        checkOpen();
        return "";
    }

    @Override
    public String getSearchStringEscape() throws SQLException {
        checkOpen();
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        checkOpen();
        return ".";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsConvert(int a, int b) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        checkOpen();
        return "namespace";
    }

    @Override
    public String getProcedureTerm() throws SQLException {
        checkOpen();
        return "function";
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        checkOpen();
        return "catalog";
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public String getCatalogSeparator() throws SQLException {
        checkOpen();
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxConnections() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxStatements() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean updatesAreDetected(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean deletesAreDetected(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean insertsAreDetected(int a) throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        checkOpen();
        return false;
    }
}
