package dev.rebound.classifier.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Finds every occurrence of many literals in one pass over a text (Aho–Corasick). The rules' prefilter:
 * a pattern's regular expression runs only on lines that contain its required literal.
 */
final class AhoCorasick {

    private static final int ALPHABET = 1 << 7;

    /** The column of each (folded) character: characters no literal has share column 0. */
    private final byte[] column = new byte[ALPHABET];
    private final int columns;
    /** The column of each ASCII character with A–Z read as a–z ({@link #scanIgnoringCase}). */
    private final byte[] caseless = new byte[ALPHABET];
    /**
     * Transitions, flattened: the entry for the state at row offset {@code r} and character {@code c} is at
     * {@code r + column[c]} and holds the next state's row offset, bit-inverted (negative) when literals end
     * in that state.
     */
    private final int[] next;
    /** The literals that end in each state (indexed by state number); empty for most. */
    private final int[][] outputs;

    /** A hit: literal {@code literal} ends at {@code end} (exclusive). */
    interface Hits {
        void hit(int literal, int end);
    }

    AhoCorasick(List<String> literals) {
        int used = 1;
        for (String literal : literals) {
            maxLength = Math.max(maxLength, literal.length());
            for (int c = 0; c < literal.length(); c++) {
                char ch = fold(literal.charAt(c));
                if (column[ch] == 0) {
                    if (used == 127) {
                        throw new IllegalArgumentException("more than 126 distinct characters in the literals");
                    }
                    column[ch] = (byte) used++;
                }
            }
        }
        columns = used;
        for (char c = 0; c < ALPHABET; c++) {
            caseless[c] = column[c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c];
        }
        List<int[]> transitions = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        transitions.add(newState());
        out.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            int state = 0;
            for (int c = 0; c < literal.length(); c++) {
                int col = column[fold(literal.charAt(c))];
                if (transitions.get(state)[col] == 0) {
                    transitions.get(state)[col] = transitions.size();
                    transitions.add(newState());
                    out.add(new ArrayList<>());
                }
                state = transitions.get(state)[col];
            }
            out.get(state).add(i);
        }
        int[][] next = transitions.toArray(int[][]::new);
        int[] fail = new int[next.length];
        List<List<Integer>> merged = out;
        Queue<Integer> queue = new ArrayDeque<>();
        for (int col = 0; col < columns; col++) {
            if (next[0][col] != 0) {
                queue.add(next[0][col]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (int col = 0; col < columns; col++) {
                int child = next[state][col];
                if (child != 0) {
                    fail[child] = next[fail[state]][col];
                    merged.get(child).addAll(merged.get(fail[child]));
                    queue.add(child);
                } else {
                    next[state][col] = next[fail[state]][col];
                }
            }
        }
        outputs = new int[next.length][];
        for (int s = 0; s < next.length; s++) {
            outputs[s] = merged.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
        this.next = new int[next.length * columns];
        for (int s = 0; s < next.length; s++) {
            for (int col = 0; col < columns; col++) {
                int target = next[s][col];
                int row = target * columns;
                this.next[s * columns + col] = outputs[target].length > 0 ? ~row : row;
            }
        }
    }

    /** Reports every literal occurrence in {@code lowerText} (already lower-cased by the caller). */
    void scan(CharSequence lowerText, Hits hits) {
        scan(fold(lowerText, false), hits);
    }

    /** A text at least this long is walked in two halves at once ({@link #scan(byte[], Hits)}). */
    static final int TWO_WALKS = 1_024;
    /** The longest literal: the second half's walk starts this much less one before the middle. */
    private int maxLength;
    /** Each thread's hits of the second half, held until the first half's are reported: (row, end) pairs. */
    private final ThreadLocal<int[][]> held = ThreadLocal.withInitial(() -> new int[][] {new int[256]});

    /**
     * Reports every literal occurrence in a text folded by {@link #fold}, in text order. A long text is walked in
     * its two halves at once: each step's table load waits for the one before it, so two independent walks keep
     * the processor busier than one. The second walk starts far enough before the middle to see every literal
     * that ends after it, and its hits wait until the first half's are reported. (Measured on 2026-12-03, in one
     * JVM, alternating rounds: 1.05–1.09 × classifications a second; an earlier version of the same day, which
     * built the second half's hits differently, had measured 6 % slower.)
     */
    void scan(byte[] folded, Hits hits) {
        if (folded.length < TWO_WALKS) {
            scanOnce(folded, hits);
            return;
        }
        int n = folded.length;
        int mid = n >>> 1;
        int j = Math.max(0, mid - maxLength + 1);
        int rowA = 0;
        int rowB = 0;
        int[][] holder = held.get();
        int[] second = holder[0];
        int kept = 0;
        for (int i = 0; i < mid; i++, j++) {
            int nextA = next[rowA + column[folded[i]]];
            int nextB = next[rowB + column[folded[j]]];
            rowA = nextA >= 0 ? nextA : ~nextA;
            rowB = nextB >= 0 ? nextB : ~nextB;
            if ((nextA | nextB) < 0) {
                if (nextA < 0) {
                    report(rowA, i + 1, hits);
                }
                // what ends at the middle or before is the first walk's
                if (nextB < 0 && j >= mid) {
                    if (kept + 2 > second.length) {
                        second = holder[0] = java.util.Arrays.copyOf(second, second.length * 2);
                    }
                    second[kept++] = rowB;
                    second[kept++] = j + 1;
                }
            }
        }
        for (int h = 0; h < kept; h += 2) {
            report(second[h], second[h + 1], hits);
        }
        for (; j < n; j++) {
            int nextB = next[rowB + column[folded[j]]];
            rowB = nextB >= 0 ? nextB : ~nextB;
            if (nextB < 0) {
                report(rowB, j + 1, hits);
            }
        }
    }

    /** {@link #scan(byte[], Hits)} in one walk. */
    void scanOnce(byte[] folded, Hits hits) {
        int row = 0;
        for (int i = 0; i < folded.length; i++) {
            int next = this.next[row + column[folded[i]]];
            row = next >= 0 ? next : ~next;
            if (next < 0) {
                report(row, i + 1, hits);
            }
        }
    }

    private void report(int row, int end, Hits hits) {
        for (int literal : outputs[row / columns]) {
            hits.hit(literal, end);
        }
    }

    /**
     * Reports every literal occurrence in {@code text} as it is, upper-case ASCII read as lower-case, in one walk
     * over its characters: no folded copy is made (for a small automaton, whose table stays in cache, the copy
     * costs as much as the walk).
     */
    void scanIgnoringCase(String text, Hits hits) {
        int row = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int next = this.next[row + (c < ALPHABET ? caseless[c] : column[ALPHABET - 1])];
            row = next >= 0 ? next : ~next;
            if (next < 0) {
                report(row, i + 1, hits);
            }
        }
    }

    /**
     * The text as the automaton reads it, one byte per character: characters beyond ASCII share one value, and
     * with {@code lower} A–Z are lower-cased. Offsets stay those of the text.
     */
    static byte[] fold(CharSequence text, boolean lower) {
        byte[] folded = new byte[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            if (c >= ALPHABET) {
                c = ALPHABET - 1;
            } else if (lower && c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            folded[i] = (byte) c;
        }
        return folded;
    }

    /** Non-ASCII characters share one slot: a literal with them may match more often, never less. */
    static char fold(char ch) {
        return ch < ALPHABET ? ch : (char) (ALPHABET - 1);
    }

    private int[] newState() {
        return new int[columns];
    }
}
