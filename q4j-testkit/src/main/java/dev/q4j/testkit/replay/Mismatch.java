package dev.q4j.testkit.replay;

import java.util.HexFormat;

/**
 * A message the application sent that the recording does not have where the {@link ReplayServer} looked for it:
 * what came, the recorded message it was compared with (if any), and the difference in q text and in bytes.
 *
 * <pre>{@code
 * for (Mismatch m : replay.mismatches()) {
 *     System.err.println(m);   // the readable diff
 * }
 * }</pre>
 *
 * @param connection the number of the live connection (1 for the first the replay server accepted)
 * @param sent the line of what came, as a session file would write it ({@code > 1 sync "..."})
 * @param sentBytes the bytes that came
 * @param recorded the recorded entry it was compared with, or {@code null} when there was none to compare with
 * @param reason why it did not match
 */
public record Mismatch(int connection, String sent, byte[] sentBytes, Session.Entry recorded, String reason) {

    /**
     * Holds a mismatch.
     *
     * @param connection the live connection
     * @param sent what came, as a line
     * @param sentBytes the bytes that came
     * @param recorded the recorded entry, or null
     * @param reason why it did not match
     */
    public Mismatch {
        sentBytes = sentBytes.clone();
    }

    /** {@return a copy of the bytes that came} */
    @Override
    public byte[] sentBytes() {
        return sentBytes.clone();
    }

    /** {@return the readable diff: what came, what was recorded, where the q text and the bytes first differ} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("replay: ").append(reason).append(" (connection ").append(connection)
                .append(")\n  sent:     ").append(sent).append('\n');
        if (recorded == null) {
            return b.toString();
        }
        b.append("  recorded: ").append(recorded).append("   (").append(recorded.where()).append(")\n");
        String a = textPart(sent);
        String r = textPart(recorded.toString());
        int t = firstDifference(a, r);
        if (t >= 0) {
            b.append("  the q text differs from character ").append(t + 1).append(": ").append(excerpt(a, t))
                    .append(" where the recording has ").append(excerpt(r, t)).append('\n');
        }
        byte[] rb = recorded.bytes();
        int o = firstDifference(sentBytes, rb);
        if (o >= 0) {
            b.append("  the bytes differ from offset ").append(o).append(": ").append(hex(sentBytes, o))
                    .append(" where the recording has ").append(hex(rb, o)).append(" (").append(sentBytes.length)
                    .append(" bytes sent, ").append(rb.length).append(" recorded)\n");
        }
        return b.toString();
    }

    /** {@code > 1 sync TEXT}: the TEXT. */
    private static String textPart(String line) {
        String[] parts = line.split(" ", 4);
        return parts.length > 3 ? parts[3] : line;
    }

    private static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int i = java.util.Arrays.mismatch(a, b);
        return i;
    }

    private static String excerpt(String s, int from) {
        String part = s.substring(Math.min(from, s.length()));
        return part.isEmpty() ? "(the end)" : part.length() > 40 ? part.substring(0, 40) + ".." : part;
    }

    private static String hex(byte[] bytes, int from) {
        if (from >= bytes.length) {
            return "(the end)";
        }
        return HexFormat.of().formatHex(bytes, from, Math.min(bytes.length, from + 16));
    }
}
