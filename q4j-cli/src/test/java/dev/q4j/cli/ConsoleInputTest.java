package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When the console's input continues on the next line, and when a result is not shown. */
class ConsoleInputTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "1+1",
        "",
        "f:{x+y}",
        "([] a:1 2; b:`x`y)",
        "\"a string with ( and {\"",
        "\"an escaped \\\" quote ( \"",
        "1 2 3 / a comment with an open (",
        "/ a comment line with {",
        "+/ 1 2 3",
        "x,/:y",
        "{x+\n y}",
        "(1;\n 2;\n 3)",
        "\"two\nlines\"",
        "\\l script.q",
        "\\t {x",
        "1)",
        "'type",
        "f'[x;y]"
    })
    void complete(String text) {
        assertThat(ConsoleInput.complete(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{x+",
        "f:{[x]",
        "([] a:1 2;",
        "(1;\n 2;",
        "\"unterminated",
        "\"an escaped quote \\\"",
        "g[1;",
        "{ / the brace is open, the comment has a closing }",
        "{\"}\""
    })
    void incomplete(String text) {
        assertThat(ConsoleInput.complete(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a:1",
        "a : 1",
        "t:select from trade",
        ".z.ts:{x}",
        "d[`k]:2",
        "m[1;2]:3",
        "m[f[1]]:3",
        "x+:1",
        "l,:2",
        "v::a+1",
        "a:1;b:2",
        "b:1 / the result of an assignment is not shown",
        "f:{[x]\n  x+1}"
    })
    void assignment(String text) {
        assertThat(ConsoleInput.isAssignment(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "1+1",
        "a",
        "(a:1)",
        "a:1;a",
        "f[x]",
        "select a:b from t",
        "::",
        "`a:1",
        "\"a:1\"",
        "\\a",
        "if[1b;a:1]",
        "a=1"
    })
    void notAnAssignment(String text) {
        assertThat(ConsoleInput.isAssignment(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "/ a comment", "  / an indented comment"})
    void empty(String text) {
        assertThat(ConsoleInput.isEmpty(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "\\\\", "\"/ not a comment\"", "+/ 1 2"})
    void notEmpty(String text) {
        assertThat(ConsoleInput.isEmpty(text)).as(text).isFalse();
    }
}
