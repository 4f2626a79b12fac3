package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every wire code is named once ({@link QType.Code}, {@link Attribute.Code}, {@link MessageHeader}, {@link
 * MessageType}), and each name holds the number KX documents for it: the type numbers of q's datatypes reference,
 * the attribute bytes, header bytes and message types of KX's serialization and IPC pages (code.kx.com); the 64-bit
 * count flag and compressed flag 2 as the finos qPython fork reads them (unverified, see DESIGN.md). The numbers
 * below are written out from those documents, not taken from q4j; the corpus tests show the codec reading real
 * kdb+ bytes through these names.
 */
class WireCodeTest {

    /** KX's type numbers: {@code type} of a vector (atoms are the negatives), structures and functions */
    private static final Map<String, Integer> KX_TYPES = new LinkedHashMap<>();

    static {
        String[] basic = {"LIST", "BOOLEAN", "GUID", "UNUSED", "BYTE", "SHORT", "INT", "LONG", "REAL", "FLOAT",
            "CHAR", "SYMBOL", "TIMESTAMP", "MONTH", "DATE", "DATETIME", "TIMESPAN", "MINUTE", "SECOND", "TIME"};
        for (int i = 0; i < basic.length; i++) {
            KX_TYPES.put(basic[i], i);
        }
        KX_TYPES.put("FIRST_ENUM", 20);
        KX_TYPES.put("LAST_ENUM", 76);
        KX_TYPES.put("ANYMAP", 77);
        KX_TYPES.put("FIRST_MAPPED_LIST", 78);
        KX_TYPES.put("LAST_MAPPED_LIST", 96);
        KX_TYPES.put("TABLE", 98);
        KX_TYPES.put("DICT", 99);
        KX_TYPES.put("LAMBDA", 100);
        KX_TYPES.put("UNARY_PRIMITIVE", 101);
        KX_TYPES.put("BINARY_PRIMITIVE", 102);
        KX_TYPES.put("ITERATOR", 103);
        KX_TYPES.put("PROJECTION", 104);
        KX_TYPES.put("COMPOSITION", 105);
        KX_TYPES.put("EACH", 106);
        KX_TYPES.put("OVER", 107);
        KX_TYPES.put("SCAN", 108);
        KX_TYPES.put("EACH_PRIOR", 109);
        KX_TYPES.put("EACH_RIGHT", 110);
        KX_TYPES.put("EACH_LEFT", 111);
        KX_TYPES.put("DYNAMIC_LOAD", 112);
        KX_TYPES.put("SORTED_DICT", 127);
        KX_TYPES.put("ERROR", -128);
    }

    @Test
    void everyTypeCodeConstantHoldsKxsNumberAndNoOtherConstantExists() throws Exception {
        assertThat(constants(QType.Code.class)).isEqualTo(KX_TYPES);
    }

    @Test
    void everyQTypeTakesTheCodeOfItsNamedConstant() throws Exception {
        for (QType t : QType.values()) {
            assertThat((int) t.code()).as("%s", t).isEqualTo(KX_TYPES.get(t.name()));
            assertThat(QType.ofCode(t.code())).isSameAs(t);
        }
        // the codes no QType has: the gap at 3, enumerations and on-disk types
        Set<String> without = new TreeSet<>(KX_TYPES.keySet());
        without.removeAll(Arrays.stream(QType.values()).map(Enum::name).collect(Collectors.toSet()));
        assertThat(without).containsExactlyInAnyOrder("UNUSED", "FIRST_ENUM", "LAST_ENUM", "ANYMAP",
                "FIRST_MAPPED_LIST", "LAST_MAPPED_LIST");
        for (String name : without) {
            assertThat(QType.ofCode(KX_TYPES.get(name))).as(name).isNull();
        }
    }

    @Test
    void attributeCodesAreKxsAndTheLongCountFlagIsTheTopBit() throws Exception {
        Map<String, Integer> kx = new LinkedHashMap<>();
        kx.put("NONE", 0);
        kx.put("SORTED", 1);
        kx.put("UNIQUE", 2);
        kx.put("PARTED", 3);
        kx.put("GROUPED", 4);
        kx.put("LONG_COUNT", 0x80);
        assertThat(constants(Attribute.Code.class)).isEqualTo(kx);
        for (Attribute a : Attribute.values()) {
            assertThat((int) a.code()).as("%s", a).isEqualTo(kx.get(a.name()));
        }
    }

    @Test
    void headerBytesAreKxs() {
        assertThat(MessageHeader.BIG_ENDIAN).isEqualTo((byte) 0);
        assertThat(MessageHeader.LITTLE_ENDIAN).isEqualTo((byte) 1);
        assertThat(MessageHeader.PLAIN).isEqualTo((byte) 0);
        assertThat(MessageHeader.COMPRESSED).isEqualTo((byte) 1);
        assertThat(MessageHeader.COMPRESSED_LARGE).isEqualTo((byte) 2);
        assertThat(MessageType.ASYNC.code()).isEqualTo((byte) 0);
        assertThat(MessageType.SYNC.code()).isEqualTo((byte) 1);
        assertThat(MessageType.RESPONSE.code()).isEqualTo((byte) 2);
    }

    /** The public static final constants of a class, by name, in declaration order. */
    private static Map<String, Integer> constants(Class<?> c) throws IllegalAccessException {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Field f : c.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m)) {
                out.put(f.getName(), ((Number) f.get(null)).intValue());
            }
        }
        return out;
    }
}
