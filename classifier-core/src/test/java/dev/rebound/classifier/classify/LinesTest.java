package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void progressRedrawsColoursAndCiMarkersAreRemovedWhereverTheyAre() {
        Lines lines = Lines.of("Downloading 10%\rDownloading 100%\n"
                + "\u001B[31mnpm ERR!\u001B[0m code E404\n"
                + "[31mERROR[0m lost its escape\n"
                + "\u001B[0Ksection_start:1700000000:build_script[collapsed=true]\r\u001B[0K\u001B[36;1mBuild\u001B[0;m\n"
                + "travis_fold:start:install\n"
                + "##[error]Process completed with exit code 1.\n"
                + "   \n"
                + "[INFO] plain");

        assertThat(lines.lines).containsExactly("Downloading 100%", "npm ERR! code E404", "ERROR lost its escape",
                "Build", "Process completed with exit code 1.", "[INFO] plain");
        assertThat(lines.errorMarked[4]).as("GitHub's error annotation marks its line").isTrue();
    }

    @Test
    void eightAsciiCharactersAtOnceAreLowerCasedExactlyAsOneAtATime() {
        for (int c = 0; c < 128; c++) {
            for (int at = 0; at < Long.BYTES; at++) {
                // the character in each position, beside characters that sit at the edges of A-Z
                long eight = 0x5B5A41407A61605FL & ~(0xFFL << 8 * at) | (long) c << 8 * at;
                long expected = 0;
                for (int b = 0; b < Long.BYTES; b++) {
                    int ch = (int) (eight >>> 8 * b) & 0xFF;
                    expected |= (long) (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch) << 8 * b;
                }
                assertThat(Lines.lowerAscii(eight)).as("character %d at byte %d", c, at).isEqualTo(expected);
            }
        }
        assertThat(Lines.of("MIXED Case LINE of more than EIGHT ChArAcTeRs\nZ@[`Az").lowerText())
                .isEqualTo("mixed case line of more than eight characters\nz@[`az\n");
    }

    @Test
    void aRunnersTimestampBeforeALineIsRemovedSoThatAnchoredPatternsSeeTheToolsLine() {
        Lines lines = Lines.of("2026-12-03T15:03:00.6202370Z Error: Server Error\n"
                + "[2026-12-03T15:03:01.123Z] npm ERR! code E404\n"
                + "2026-12-03T15:03:02Z   indented\n"
                + "2026-12-03T15:03:03.1Z\n"
                + "2026-12-03 15:03:04 ERROR a log's own timestamp stays\n"
                + "2026-12-03T15:03:05.1Zulu is not a timestamp");

        assertThat(lines.lines).containsExactly("Error: Server Error", "npm ERR! code E404", "indented",
                "2026-12-03 15:03:04 ERROR a log's own timestamp stays", "2026-12-03T15:03:05.1Zulu is not a timestamp");
        assertThat(new Classifier(RuleLoader.defaults()).classify(Failure.ofText(
                "2026-12-03T15:03:00.6202370Z Error: Not Found - https://docs.github.com/rest/releases/releases"))
                .ruleId()).as("a pattern anchored at the line's start").isEqualTo("github.api-not-found");
    }

    @Test
    void textBeyondAsciiIsLowerCasedAsTextNotAsBytes() {
        // 'Ł' is U+0141: its low byte is 'A', which a byte copy of the string would make "aog"
        Lines lines = Lines.of("ŁOG ERROR: Zażółć\nplain ASCII line FAILED");

        assertThat(lines.lowerText()).isEqualTo("łog error: zażółć\nplain ascii line failed\n");
        assertThat(lines.errorMarked).containsExactly(true, true);
        // the automaton reads a character beyond ASCII as one shared value, never as its low byte
        assertThat(lines.folded[0]).isEqualTo((byte) 127);
        assertThat(Lines.of("AbC dEf\nGHI").lowerText()).isEqualTo("abc def\nghi\n");
    }

    @Test
    void aMarkerJoinedByARemovedColourCodeIsStillRemoved() {
        // the whole text holds no "section_": only once the colour code goes does the line show the marker
        Lines lines = Lines.of("sect\u001B[0mion_start:1700000000:step\nok");

        assertThat(lines.lines).containsExactly("ok");
    }

    @Test
    void everyLineOfATestsAssertionIsCued() {
        // RuleSet.ASSERTION runs only on cued lines: each kind of line it finds must carry a cue
        for (String line : java.util.List.of("E       AssertionError: assert 'ok' == 'request timed out'",
                "org.junit.ComparisonFailure: expected:<[a]> but was:<[b]>", "MismatchError: u'BUILD' != 'ACTIVE'",
                ">       assert client.get('/x') is None", "self.assertEqual(a, b)", "t.go:5: expected error \"x\", got <nil>",
                "Expected substring: \"getaddrinfo ENOTFOUND x\"", "Received message:   \"boom\"", "Actual: 3",
                "expected [1, 2] to equal [1, 3]", "  left: \"refused\"", " right: \"Connection refused\"",
                "+ 'undefined'", "- 'connect ECONNREFUSED 127.0.0.1:5432'", "expected: <Connection refused> but was: <null>")) {
            Lines lines = Lines.of(line);
            assertThat(lines.assertionCue[0]).as(line).isTrue();
        }
        assertThat(Lines.of("curl: (7) Failed to connect to example.org port 443: Connection refused").assertionCue[0])
                .isFalse();
    }

    @Test
    void aTextWithoutAnyMarkerKeepsItsLinesAsTheyAre() {
        Lines lines = Lines.of("a_b section-start\n  error: x  \nplain");

        assertThat(lines.lines).containsExactly("a_b section-start", "error: x", "plain");
    }
}
