package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.cli.QScript.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a q script is cut into statements: q's rules for comments, continuation lines and system commands. */
class QScriptTest {

    private static List<Statement> parse(String... lines) {
        return QScript.parse(String.join("\n", lines));
    }

    private static List<String> texts(String... lines) {
        return parse(lines).stream().map(Statement::text).toList();
    }

    // ---------------------------------------------------------------- comments

    @Test
    void aLineStartingWithSlashIsAComment() {
        assertThat(parse("/ a comment", "//another", "a:1", "/x:2"))
                .containsExactly(new Statement(3, "a:1"));
    }

    @Test
    void aSlashAfterABlankStartsATrailingCommentWhichIsNotSent() {
        assertThat(texts("a:1 / one", "b:2\t/tab", "c:3  /", "d:4 //"))
                .containsExactly("a:1", "b:2", "c:3", "d:4");
    }

    @Test
    void aSlashWithoutABlankBeforeItIsAnIterator() {
        assertThat(texts("s:+/1 2 3", "t:1 2,/:3 4", "u:`a/b")).containsExactly("s:+/1 2 3", "t:1 2,/:3 4", "u:`a/b");
    }

    @Test
    void aSlashInsideAStringIsNotAComment() {
        assertThat(texts("s:\"keep / this\" / drop this", "t:\"a \\\" /b\" / c", "u:\"\\\\\" / d"))
                .containsExactly("s:\"keep / this\"", "t:\"a \\\" /b\"", "u:\"\\\\\"");
    }

    @Test
    void aLoneSlashOpensABlockCommentThatALoneBackslashCloses() {
        assertThat(parse("a:1", "/", "b:2", "  c:3", "\\d .foo", "\\ not the end", "/ ", "\\  ", "d:4"))
                .containsExactly(new Statement(1, "a:1"), new Statement(9, "d:4"));
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(texts("/", "/", "\\", "a:1")).containsExactly("a:1");
    }

    @Test
    void anUnclosedBlockCommentRunsToTheEnd() {
        assertThat(texts("a:1", "/", "b:2")).containsExactly("a:1");
    }

    // ---------------------------------------------------------------- the end of the script

    @Test
    void aLoneBackslashEndsTheScript() {
        assertThat(parse("a:1", "\\", "b:2", "/", "c:3")).containsExactly(new Statement(1, "a:1"));
        assertThat(texts("a:1", "\\  \t", "b:2")).containsExactly("a:1");
    }

    @Test
    void aDoubleBackslashEndsTheScriptWithoutBeingSent() {
        assertThat(texts("a:1", "\\\\", "b:2")).containsExactly("a:1");
    }

    @Test
    void aLoneBackslashEndsAStatementInProgress() {
        assertThat(texts("f:{", "  x}", "\\", "  y}")).containsExactly("f:{\n  x}");
    }

    // ---------------------------------------------------------------- multi-line statements

    @Test
    void indentedLinesContinueTheStatementJoinedByNewlines() {
        assertThat(parse("f:{[x]", "  y:x+1;", "\ty*2}", "g:1"))
                .containsExactly(new Statement(1, "f:{[x]\n  y:x+1;\n\ty*2}"), new Statement(4, "g:1"));
    }

    @Test
    void blankAndCommentLinesInsideAStatementAreLeftOutAndDoNotEndIt() {
        assertThat(parse("f:{[x] / doc", "", "/ at the margin", "  / indented", "  x+1 / add", "   ", "  }", "g:2"))
                .containsExactly(new Statement(1, "f:{[x]\n  x+1\n  }"), new Statement(8, "g:2"));
    }

    @Test
    void aLoneSlashEndsAStatementInProgress() {
        assertThat(texts("f:{", "  x", "/", "  y}", "\\", "  z}")).containsExactly("f:{\n  x", "  z}");
    }

    @Test
    void anIndentedLineWithNothingAboveIsAStatementOfItsOwn() {
        assertThat(parse("  a:1", "  b:2", "c:3"))
                .containsExactly(new Statement(1, "  a:1\n  b:2"), new Statement(3, "c:3"));
    }

    @Test
    void aStringMaySpanLinesAndKeepsItsBlanksAndSlashes() {
        assertThat(texts("s:\"one /1", "", "  two\" / comment")).containsExactly("s:\"one /1\n\n  two\"");
    }

    // ---------------------------------------------------------------- system commands

    @Test
    void aBackslashLineIsSentAsASystemCall() {
        assertThat(parse("\\d .foo", "\\l /data/db / not a comment", "\\c 20 80  ", "\\t 1+1", "\\d"))
                .containsExactly(
                        new Statement(1, "system\"d .foo\""),
                        new Statement(2, "system\"l /data/db / not a comment\""),
                        new Statement(3, "system\"c 20 80\""),
                        new Statement(4, "system\"t 1+1\""),
                        new Statement(5, "system\"d\""));
    }

    @Test
    void aSystemCommandIsEscapedAsAQString() {
        assertThat(texts("\\echo \"hi\" \\ there")).containsExactly("system\"echo \\\"hi\\\" \\\\ there\"");
        assertThat(QScript.quote("a\tb\nc\u0001\u007f")).isEqualTo("\"a\\tb\\nc\\001\\177\"");
    }

    // ---------------------------------------------------------------- the rest

    @Test
    void otherLanguagesAreSentAsWritten() {
        assertThat(texts("p)x = a / b", "s)select a / b from t", "k)a:1 / k comment", "q)b:2 / q comment"))
                .containsExactly("p)x = a / b", "s)select a / b from t", "k)a:1", "q)b:2");
    }

    @Test
    void aShebangLineCrlfAndAByteOrderMarkAreIgnored() {
        assertThat(QScript.parse("#!/usr/bin/env q\r\na:1 / c\r\nf:{\r\n  x}\r\n"))
                .containsExactly(new Statement(2, "a:1"), new Statement(3, "f:{\n  x}"));
        assertThat(QScript.parse("\uFEFFa:1\n")).containsExactly(new Statement(1, "a:1"));
        assertThat(texts("a:1", "#!b")).containsExactly("a:1", "#!b");
    }

    @Test
    void anEmptyScriptHasNoStatements() {
        assertThat(QScript.parse("")).isEmpty();
        assertThat(QScript.parse("\n\n/ only comments\n  / indented\n")).isEmpty();
    }
}
