package dev.q4j.text;

import dev.q4j.codec.Decoder;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import org.junit.jupiter.api.Test;

class DumpScratchTest {
    @Test
    void dump() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (CorpusEntry e : Corpus.all()) {
            String t = QText.print(new Decoder().decode(e.message()).value());
            sb.append(e.id()).append(" | ").append(e.qExpression()).append("\n    ").append(t.length() > 300 ? t.substring(0, 300) + "..." : t).append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/scratch/dump/corpus.txt"), sb);
    }
}
