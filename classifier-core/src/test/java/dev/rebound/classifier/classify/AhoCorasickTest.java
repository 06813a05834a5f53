package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The automaton reports every occurrence of every literal, in text order, however long the text. */
class AhoCorasickTest {

    private static final List<String> LITERALS = List.of("error", "err", "rror: conn", "connection refused",
            "timed out", "out", "a", "aaaa", "no space left on device", "x".repeat(40));

    @Test
    void shortAndLongTextsReportExactlyTheOccurrencesInTextOrder() {
        AhoCorasick automaton = new AhoCorasick(LITERALS);
        Random random = new Random(7);
        String[] pieces = {"error: connection refused ", "timed out\n", "aaaaa ", "no space left on device\n",
                "x".repeat(45), "ok ", "b", "\n", "err"};
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            int size = round < 20 ? round * 10 : 500 + random.nextInt(6_000);
            while (text.length() < size) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String lower = text.toString();
            List<int[]> reported = new ArrayList<>();
            automaton.scan(AhoCorasick.fold(lower, false), (literal, end) -> reported.add(new int[] {literal, end}));

            List<int[]> expected = naive(lower);
            assertThat(sorted(reported)).as("round %d, %d characters", round, lower.length())
                    .containsExactlyElementsOf(sorted(expected));
            for (int i = 1; i < reported.size(); i++) {
                assertThat(reported.get(i)[1]).as("text order").isGreaterThanOrEqualTo(reported.get(i - 1)[1]);
            }
        }
    }

    @Test
    void theTwoWalksOfALongTextReportWhatOneWalkDoesInTheSameOrder() {
        // a literal longer than half the text: the second walk starts at the text's start
        String longLiteral = "ab".repeat(400);
        AhoCorasick automaton = new AhoCorasick(List.of("ab", "ba", "bab", longLiteral, "connection refused"));
        Random random = new Random(11);
        for (int round = 0; round < 100; round++) {
            StringBuilder text = new StringBuilder();
            int size = AhoCorasick.TWO_WALKS + random.nextInt(3_000);
            while (text.length() < size) {
                text.append(random.nextInt(4) == 0 ? "connection refused " : random.nextBoolean() ? "ab" : "x");
            }
            byte[] folded = AhoCorasick.fold(text, false);
            List<String> twoWalks = new ArrayList<>();
            automaton.scan(folded, (literal, end) -> twoWalks.add(literal + "@" + end));
            List<String> oneWalk = new ArrayList<>();
            automaton.scanOnce(folded, (literal, end) -> oneWalk.add(literal + "@" + end));
            assertThat(twoWalks).as("round %d, %d characters", round, folded.length).isEqualTo(oneWalk);
        }
    }

    @Test
    void aLiteralAnywhereInALongTextIsFoundOnce() {
        AhoCorasick automaton = new AhoCorasick(LITERALS);
        for (int shift = -30; shift <= 30; shift++) {
            String text = "b".repeat(3_000 + shift) + "connection refused" + "b".repeat(3_000 - shift);
            List<int[]> reported = new ArrayList<>();
            automaton.scan(AhoCorasick.fold(text, false), (literal, end) -> reported.add(new int[] {literal, end}));

            assertThat(reported).as("shift %d", shift).hasSize(1);
            assertThat(reported.get(0)[1]).isEqualTo(3_000 + shift + "connection refused".length());
        }
    }

    @Test
    void scanningIgnoringCaseFindsWhatScanningTheLowerCasedCopyFinds() {
        AhoCorasick automaton = new AhoCorasick(LITERALS);
        Random random = new Random(11);
        String[] pieces = {"ERROR: Connection Refused ", "Timed OUT\n", "aAaAa ", "No Space left on device\n", "é ",
                "X".repeat(41), "ok ", "B", "\n", "ErR", "\u00c9rror "};
        for (int round = 0; round < 100; round++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 50 + random.nextInt(3_000)) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String mixed = text.toString();
            List<int[]> copied = new ArrayList<>();
            automaton.scan(AhoCorasick.fold(mixed, true), (literal, end) -> copied.add(new int[] {literal, end}));
            List<int[]> direct = new ArrayList<>();
            automaton.scanIgnoringCase(mixed, (literal, end) -> direct.add(new int[] {literal, end}));

            assertThat(sorted(direct)).as("round %d", round).isNotEmpty().containsExactlyElementsOf(sorted(copied));
        }
    }

    private static List<int[]> naive(String text) {
        List<int[]> found = new ArrayList<>();
        for (int l = 0; l < LITERALS.size(); l++) {
            String literal = LITERALS.get(l);
            for (int at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) {
                found.add(new int[] {l, at + literal.length()});
            }
        }
        return found;
    }

    private static List<String> sorted(List<int[]> hits) {
        return hits.stream().sorted((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]))
                .map(h -> h[0] + "@" + h[1]).toList();
    }
}
