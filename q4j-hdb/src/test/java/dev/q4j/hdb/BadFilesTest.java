package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that do not hold what they claim: each is an error naming the file and the offset, never a value. Every
 * file starts as a copy of one real kdb+ wrote, then one thing is broken.
 */
class BadFilesTest {
    @TempDir
    Path tmp;

    private Path ord() throws IOException {
        return PartitionedTest.copyOrd(tmp.resolve("db"), "2022.12.05");
    }

    private static void patch(Path file, int offset, byte... bytes) throws IOException {
        byte[] b = Files.readAllBytes(file);
        System.arraycopy(bytes, 0, b, offset, bytes.length);
        Files.write(file, b);
    }

    @Test
    void unknownHeaderIsAnErrorNamingFileAndOffset() throws IOException {
        Path db = ord();
        Path price = db.resolve("2022.12.05/ORD/price");
        patch(price, 0, (byte) 0x12);
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOfSatisfying(HdbException.class, e -> {
            assertThat(e.file()).isEqualTo(price);
            assertThat(e.offset()).isZero();
            assertThat(e.getMessage()).contains("header 12 20 09 00");
        });
    }

    @Test
    void typeOutsideTheSimpleTypesIsAnError() throws IOException {
        Path db = ord();
        patch(db.resolve("2022.12.05/ORD/price"), 2, (byte) 11);
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("price at offset 2").hasMessageContaining("type 11");
    }

    @Test
    void columnShorterThanTheTableIsAnError() throws IOException {
        Path db = ord();
        Path price = db.resolve("2022.12.05/ORD/price");
        byte[] b = Files.readAllBytes(price);
        Files.write(price, Arrays.copyOf(b, b.length - 8));
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("price at offset 16")
                .hasMessageContaining("5000 rows, which need 40016 bytes, but the file holds 40008");
    }

    @Test
    void fileOfPartItemsIsAnError() throws IOException {
        Path db = ord();
        Path code = db.resolve("2022.12.05/ORD/code");
        byte[] b = Files.readAllBytes(code);
        Files.write(code, Arrays.copyOf(b, b.length - 3));
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").columns("code").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("code at offset 4096").hasMessageContaining("not a whole number of 8-byte items");
    }

    @Test
    void indexOutsideItsDomainIsAnError() throws IOException {
        Path db = ord();
        Path code = db.resolve("2022.12.05/ORD/code");
        byte[] index = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(5).array();
        patch(code, 4096 + 8 * 7, index);
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOfSatisfying(HdbException.class, e -> {
            assertThat(e.file()).isEqualTo(code);
            assertThat(e.offset()).isEqualTo(4096 + 8 * 7);
            assertThat(e.getMessage()).contains("row 7's index 5 lies outside its domain sym_ORD of 5 symbols");
        });
    }

    @Test
    void missingDomainIsAnError() throws IOException {
        Path db = ord();
        Files.delete(db.resolve("sym_ORD"));
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("sym_ORD").hasMessageContaining("no such file");
    }

    @Test
    void booleanByteOtherThanZeroOrOneIsAnError() throws IOException {
        Path t = tmp.resolve("db/t");
        Files.createDirectories(t);
        Path types = HdbCorpus.root().resolve("kdb_sample/allDataTypes/splayedTable");
        // a .d naming one column, bool, laid out as kdb+'s .d files are (ff 01 0b 00, a count of 0, the names)
        Files.write(t.resolve(".d"), new byte[] {(byte) 0xff, 1, 11, 0, 0, 0, 0, 0, 'b', 'o', 'o', 'l', 0});
        Files.copy(types.resolve("bool"), t.resolve("bool"));
        patch(t.resolve("bool"), 16 + 9, (byte) 2);
        assertThatThrownBy(() -> Hdb.open(tmp.resolve("db")).table("t").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("bool at offset 25").hasMessageContaining("boolean byte 2");
    }

    private Path zipped() throws IOException {
        Path db = tmp.resolve("z");
        Path to = db.resolve("compressCharArrayVector");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(HdbCorpus.sample().resolve("compressCharArrayVector"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to.resolve("id");
    }

    @Test
    void corruptGzipBlockIsAnError() throws IOException {
        Path id = zipped();
        patch(id, 20, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff);
        assertThatThrownBy(() -> Hdb.open(tmp.resolve("z")).table("compressCharArrayVector").read())
                .isInstanceOf(HdbException.class).hasMessageContaining("id at offset 8").hasMessageContaining("gzip");
    }

    @Test
    void compressionAlgorithmNotReadYetSaysSo() throws IOException {
        Path id = zipped();
        int blockAlgorithm = (int) Files.size(id) - 8 - 4;
        patch(id, blockAlgorithm, (byte) 1);
        assertThatThrownBy(() -> KdbFiles.read(id)).isInstanceOf(HdbException.class)
                .hasMessageContaining("q's IPC algorithm (1): not read yet");
        patch(id, blockAlgorithm, (byte) 9);
        assertThatThrownBy(() -> KdbFiles.read(id)).isInstanceOf(HdbException.class)
                .hasMessageContaining("algorithm 9, which kdb+ does not have");
    }

    @Test
    void compressedTrailerThatContradictsItselfIsAnError() throws IOException {
        Path id = zipped();
        int uncompressedLength = (int) Files.size(id) - 48 + 8;
        patch(id, uncompressedLength, (byte) 0x60);
        assertThatThrownBy(() -> KdbFiles.read(id)).isInstanceOf(HdbException.class)
                .hasMessageContaining("id at offset");
    }

    @Test
    void compressedFileClaimingHugeBlocksIsRefusedBeforeAllocating() throws IOException {
        Path id = zipped();
        int trailer = (int) Files.size(id) - 48;
        // 2^30-byte blocks, 1 GB uncompressed: refused from the trailer alone
        patch(id, trailer + 8, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 30).array());
        patch(id, trailer + 24, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 30).array());
        assertThatThrownBy(() -> KdbFiles.read(id)).isInstanceOf(HdbException.class)
                .hasMessageContaining("logical block size 1073741824 is not a power of two from 4096 to 1048576");
    }

    @Test
    void compressedFileShorterThanItsTrailerIsAnError() throws IOException {
        Path id = zipped();
        Files.write(id, Arrays.copyOf(Files.readAllBytes(id), 30));
        assertThatThrownBy(() -> KdbFiles.read(id)).isInstanceOf(HdbException.class)
                .hasMessageContaining("shorter than its trailer");
    }

    @Test
    void encryptedFileSaysSo() throws IOException {
        Path f = tmp.resolve("enc");
        Files.write(f, "kxzippEd and then anything".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> KdbFiles.read(f)).isInstanceOf(HdbException.class)
                .hasMessageContaining("an encrypted file (kxzippEd)");
    }

    @Test
    void enumeratedFileReadAloneSaysHowToReadIt() {
        assertThatThrownBy(() -> KdbFiles.read(HdbCorpus.sample().resolve("2022.12.05/ORD/code")))
                .isInstanceOf(HdbException.class).hasMessageContaining("enumeration against sym_ORD");
    }

    @Test
    void unknownTableOrColumnOrPartitionIsAnError() {
        Hdb hdb = Hdb.open(HdbCorpus.sample());
        assertThatThrownBy(() -> hdb.table("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table nope");
        assertThatThrownBy(() -> hdb.table("ORD").columns("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column nope");
        assertThatThrownBy(() -> hdb.table("ORD").partitions("2022.06.17"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no partition 2022.06.17");
    }
}
