package dev.q4j.duckdb;

import dev.q4j.arrow.QArrow;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link DuckDbUnavailableIT} in a JVM where DuckDB's native library cannot load: what each use of DuckDB
 * says, then q4j without DuckDB (a q table to an Arrow IPC stream and back).
 */
final class DuckDbUnavailableMain {
    private DuckDbUnavailableMain() {
    }

    /** @param args the path of a Parquet file to (fail to) write */
    public static void main(String[] args) {
        QTable t = QTable.of(List.of("sym", "size"), List.of(QSymbolVector.of("IBM", "MSFT"), QLongVector.of(1, 2)));
        // twice: the driver's class fails to initialise on first use, and is unusable (NoClassDefFoundError) after
        for (int i = 0; i < 2; i++) {
            try (QDuckDB db = QDuckDB.inMemory()) {
                System.out.println("inMemory: opened, closed " + db.connection().isClosed());
            } catch (java.sql.SQLException | QDuckDBException e) {
                System.out.println("inMemory: " + e.getMessage());
            }
        }
        try {
            QDuckDB.writeParquet(t, Path.of(args[0]));
            System.out.println("writeParquet: written");
        } catch (QDuckDBException e) {
            System.out.println("writeParquet: " + e.getMessage());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(t, out);
        System.out.println("arrow: " + QArrow.readStream(new ByteArrayInputStream(out.toByteArray())).equals(t));
    }
}
