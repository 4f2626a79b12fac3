package dev.q4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A q script cut into the statements q would evaluate when loading it ({@code \l script.q}), each with the line it
 * starts on. The rules, from KX's documentation of scripts and comments:
 *
 * <ul>
 *   <li>A line that starts with {@code /} is a comment. A line holding only {@code /} (trailing blanks allowed)
 *       opens a block comment, closed by a line holding only {@code \}; block comments do not nest.
 *   <li>Outside a block comment, a line holding only {@code \} ends the script: the rest of the file is ignored.
 *   <li>Within a line, {@code /} after a space or tab starts a comment to the end of the line, unless it is inside a
 *       string ({@code "a /b"}). Comments are left out of the q text sent.
 *   <li>A line that starts with a space or tab continues the statement above: the lines are joined with a newline,
 *       as q keeps them (a lambda shows its lines as written). Blank lines and comment lines between them do not end
 *       the statement and are left out.
 *   <li>A line that starts with {@code \} is a system command, sent as {@code system"cmd"} (its text escaped as a q
 *       string); a {@code /} in it is not a comment ({@code \l /data/db}). {@code \\}, which would make q exit, ends
 *       the script instead: it is not sent.
 *   <li>A first line starting with {@code #!} is ignored, as q does for executable scripts.
 *   <li>A statement in another language ({@code p)}, {@code s)}: a letter other than q or k, then {@code )}) is sent
 *       as written, comments included, as q hands such lines on.
 * </ul>
 */
final class QScript {

    /**
     * One statement to evaluate.
     *
     * @param line the line number (from 1) where it starts
     * @param text the q text to send: the statement without its comments, or {@code system"..."}
     */
    record Statement(int line, String text) {
    }

    private QScript() {
    }

    /**
     * {@return its statements in order}
     *
     * @param source the script's text
     */
    static List<Statement> parse(String source) {
        if (!source.isEmpty() && source.charAt(0) == '\uFEFF') {
            source = source.substring(1);
        }
        String[] lines = source.split("\n", -1);
        List<Statement> statements = new ArrayList<>();
        Builder current = null;
        boolean inBlock = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("#!")) {
                continue;
            }
            if (inBlock) {
                inBlock = !alone(line, "\\");
                continue;
            }
            if (alone(line, "/")) {
                add(statements, current);
                current = null;
                inBlock = true;
                continue;
            }
            if (alone(line, "\\") || alone(line, "\\\\")) {
                // the end of the script (\\ would end q itself: here only the script ends)
                add(statements, current);
                return statements;
            }
            if (line.isBlank()) {
                if (current != null && current.inString) {
                    current.append(line);   // a blank line inside a string that spans lines is part of it
                }
                continue;
            }
            if (line.charAt(0) == '/') {
                continue;   // a comment line, even between the lines of a statement
            }
            if (current != null && isBlank(line.charAt(0))) {
                current.append(line);
                continue;
            }
            add(statements, current);
            current = new Builder(i + 1, line);
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<Statement> statements, Builder b) {
        if (b != null) {
            String text = b.text();
            if (!text.isBlank()) {
                statements.add(new Statement(b.line, text));
            }
        }
    }

    /** {@return true when {@code line} is {@code marker} followed by nothing but blanks} */
    private static boolean alone(String line, String marker) {
        return line.startsWith(marker) && line.substring(marker.length()).chars().allMatch(c -> isBlank((char) c));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The lines of one statement, comments taken out as they come. */
    private static final class Builder {
        final int line;
        final Kind kind;
        final StringBuilder text = new StringBuilder();
        boolean inString;
        boolean empty = true;

        enum Kind {
            /** q (or k) code: comments come out */
            Q,
            /** a system command: sent as system"..." */
            SYSTEM,
            /** another language's code (p), s), ...): sent as written */
            OTHER
        }

        Builder(int line, String first) {
            this.line = line;
            if (first.charAt(0) == '\\') {
                kind = Kind.SYSTEM;
                text.append(first, 1, first.length());
                empty = false;
                return;
            }
            char c = first.charAt(0);
            boolean prefixed = first.length() > 1 && first.charAt(1) == ')'
                    && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && c != 'q' && c != 'k';
            kind = prefixed ? Kind.OTHER : Kind.Q;
            append(first);
        }

        void append(String line) {
            String kept = kind == Kind.Q ? withoutComment(line) : line;
            if (kept.isBlank() && !inString && kind == Kind.Q) {
                return;   // a line that held only a comment
            }
            if (!empty) {
                text.append('\n');
            }
            text.append(kept);
            empty = false;
        }

        /** {@return the line without its trailing comment (and the blanks before it); tracks strings across lines} */
        private String withoutComment(String line) {
            int n = line.length();
            for (int i = 0; i < n; i++) {
                char c = line.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '/' && i > 0 && isBlank(line.charAt(i - 1))) {
                    return stripTrailing(line.substring(0, i));
                }
            }
            return inString ? line : stripTrailing(line);
        }

        private static String stripTrailing(String s) {
            int end = s.length();
            while (end > 0 && isBlank(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(0, end);
        }

        String text() {
            if (kind == Kind.SYSTEM) {
                return "system" + quote(stripTrailing(text.toString()));
            }
            return text.toString();
        }
    }

    /**
     * {@return {@code s} as a q string literal: {@code "d .foo"}, with {@code \ " } and control characters escaped}
     *
     * @param s text
     */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append('\\').append(String.format("%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
