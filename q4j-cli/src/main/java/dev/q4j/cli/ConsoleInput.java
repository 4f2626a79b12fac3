package dev.q4j.cli;

/**
 * What the console needs to know about the q text typed at it, without parsing q: whether an expression is complete
 * or continues on the next line, and whether its result is shown.
 *
 * <p>The lexical rules followed: a string runs from {@code "} to the next {@code "} not escaped by {@code \}, and may
 * span lines; outside strings, a {@code /} at the start of a line or after a space or tab starts a comment to the end
 * of the line ({@code +/} and {@code ,/:} are iterators, not comments). Brackets, braces and parentheses inside
 * strings and comments do not count.
 */
final class ConsoleInput {

    private ConsoleInput() {
    }

    /**
     * As the q console reads input: the lines of an expression continue while a bracket, brace or parenthesis is
     * open or a string is unterminated. A system command (first line starting with {@code \}) is always one line. More
     * closing than opening brackets makes an expression complete too: q reports the error.
     *
     * @param text one or more lines, joined by newlines
     * @return true when {@code text} is ready to evaluate
     */
    static boolean complete(String text) {
        if (text.startsWith("\\")) {
            return true;
        }
        Scan s = new Scan(text);
        s.run();
        return !s.inString && s.depth <= 0;
    }

    /**
     * {@return true when it holds nothing but blanks and comments: there is nothing to evaluate}
     *
     * @param text a complete expression
     */
    static boolean isEmpty(String text) {
        if (text.startsWith("\\")) {
            return false;
        }
        Scan s = new Scan(text);
        s.run();
        return s.code.toString().isBlank();
    }

    /**
     * Whether the q console would show nothing for {@code text} because its last statement is an assignment:
     * {@code a:1}, {@code t:select from trade}, {@code d[`k]:2}, {@code x+:1}, {@code .z.ts:{...}},
     * {@code v::a+1}. Over IPC, kdb+ answers such an expression with the assigned value, which the q console would not
     * print. Only the last top-level statement counts ({@code a:1;a} shows {@code 1}), and an expression in
     * parentheses is not an assignment ({@code (a:1)} shows {@code 1}), as in the q console.
     *
     * @param text a complete expression
     * @return true when it ends with an assignment
     */
    static boolean isAssignment(String text) {
        if (text.startsWith("\\")) {
            return false;
        }
        Scan s = new Scan(text);
        s.run();
        String last = s.code.substring(s.lastStatement).strip();
        int n = last.length();
        int i = 0;
        // a name: letters, digits, _ and ., starting with a letter or with . and a letter
        if (i < n && last.charAt(i) == '.') {
            i++;
        }
        if (i >= n || !isLetter(last.charAt(i))) {
            return false;
        }
        while (i < n && (isLetter(last.charAt(i)) || isDigit(last.charAt(i)) || last.charAt(i) == '_'
                || last.charAt(i) == '.')) {
            i++;
        }
        i = skipBlanks(last, i);
        // indexes: d[`k], m[1;2], m[1][2]
        while (i < n && last.charAt(i) == '[') {
            int depth = 0;
            for (; i < n; i++) {
                char c = last.charAt(i);
                if (c == '[' || c == '(' || c == '{') {
                    depth++;
                } else if (c == ']' || c == ')' || c == '}') {
                    depth--;
                    if (depth == 0) {
                        i++;
                        break;
                    }
                }
            }
            i = skipBlanks(last, i);
        }
        // : or :: or an operator then : (x+:1, l,:2)
        if (i < n && "+-*%&|^<>=~,!#_$?@.'".indexOf(last.charAt(i)) >= 0 && i + 1 < n && last.charAt(i + 1) == ':') {
            return true;
        }
        return i < n && last.charAt(i) == ':';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * One pass over the text: the bracket depth and string state at its end, the text with comments blanked out and
     * strings kept, and where its last top-level statement starts.
     */
    private static final class Scan {
        final String text;
        final StringBuilder code;
        int depth;
        boolean inString;
        int lastStatement;

        Scan(String text) {
            this.text = text;
            this.code = new StringBuilder(text.length());
        }

        void run() {
            int n = text.length();
            boolean inComment = false;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    inComment = false;
                    code.append(c);
                    continue;
                }
                if (inComment) {
                    code.append(' ');
                    continue;
                }
                if (inString) {
                    code.append(c);
                    if (c == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') {
                        code.append(text.charAt(++i));
                    } else if (c == '"') {
                        inString = false;
                    }
                    continue;
                }
                if (c == '/' && (i == 0 || isBlankOrNewline(text.charAt(i - 1)))) {
                    inComment = true;
                    code.append(' ');
                    continue;
                }
                code.append(c);
                switch (c) {
                    case '"':
                        inString = true;
                        break;
                    case '(': case '[': case '{':
                        depth++;
                        break;
                    case ')': case ']': case '}':
                        depth--;
                        break;
                    case ';':
                        if (depth == 0) {
                            lastStatement = code.length();
                        }
                        break;
                    default:
                        break;
                }
            }
        }

        private static boolean isBlankOrNewline(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }
    }
}
