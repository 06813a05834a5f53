package dev.rebound.classifier.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Finds every occurrence of many literals in one pass over a text (Aho–Corasick). The rules' prefilter:
 * a pattern's regular expression runs only on lines that contain its required literal.
 */
final class AhoCorasick {

    private static final int ALPHABET = 128;

    private final int[][] next;
    private final int[] fail;
    private final int[][] outputs;

    /** A hit: literal {@code literal} ends at {@code end} (exclusive). */
    interface Hits {
        void hit(int literal, int end);
    }

    AhoCorasick(List<String> literals) {
        List<int[]> transitions = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        transitions.add(newState());
        out.add(new ArrayList<>());
        for (int i = 0; i < literals.size(); i++) {
            String literal = literals.get(i);
            int state = 0;
            for (int c = 0; c < literal.length(); c++) {
                char ch = fold(literal.charAt(c));
                if (transitions.get(state)[ch] == 0) {
                    transitions.get(state)[ch] = transitions.size();
                    transitions.add(newState());
                    out.add(new ArrayList<>());
                }
                state = transitions.get(state)[ch];
            }
            out.get(state).add(i);
        }
        next = transitions.toArray(int[][]::new);
        fail = new int[next.length];
        List<List<Integer>> merged = out;
        Queue<Integer> queue = new ArrayDeque<>();
        for (int ch = 0; ch < ALPHABET; ch++) {
            if (next[0][ch] != 0) {
                queue.add(next[0][ch]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            for (int ch = 0; ch < ALPHABET; ch++) {
                int child = next[state][ch];
                if (child != 0) {
                    fail[child] = next[fail[state]][ch];
                    merged.get(child).addAll(merged.get(fail[child]));
                    queue.add(child);
                } else {
                    next[state][ch] = next[fail[state]][ch];
                }
            }
        }
        outputs = new int[next.length][];
        for (int s = 0; s < next.length; s++) {
            outputs[s] = merged.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    /** Reports every literal occurrence in {@code lowerText} (already lower-cased by the caller). */
    void scan(CharSequence lowerText, Hits hits) {
        int state = 0;
        for (int i = 0; i < lowerText.length(); i++) {
            state = next[state][fold(lowerText.charAt(i))];
            int[] found = outputs[state];
            for (int literal : found) {
                hits.hit(literal, i + 1);
            }
        }
    }

    /** Non-ASCII characters share one slot: a literal with them may match more often, never less. */
    static char fold(char ch) {
        return ch < ALPHABET ? ch : (char) (ALPHABET - 1);
    }

    private static int[] newState() {
        int[] state = new int[ALPHABET];
        Arrays.fill(state, 0);
        return state;
    }
}
