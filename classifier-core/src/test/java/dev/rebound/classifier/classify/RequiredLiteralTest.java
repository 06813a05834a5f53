package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequiredLiteralTest {

    @Test
    void theLongestLiteralRunEveryMatchContains() {
        assertThat(RequiredLiteral.of("(?i)could not resolve host")).isEqualTo("could not resolve host");
        assertThat(RequiredLiteral.of("\\.java:\\[\\d+,\\d+\\] error")).isEqualTo(".java:[");
        assertThat(RequiredLiteral.of("npm (?:ERR!|error) code E404")).isEqualTo(" code e404");
    }

    @Test
    void optionalAndRepeatedCharactersEndARun() {
        assertThat(RequiredLiteral.of("colou?r mismatch")).isEqualTo("r mismatch");
        assertThat(RequiredLiteral.of("ab+cdefg")).isEqualTo("cdefg");
        assertThat(RequiredLiteral.of("timed? ?out waiting")).isEqualTo("out waiting");
    }

    @Test
    void alternationAtTheTopMeansNoLiteral() {
        assertThat(RequiredLiteral.of("connection refused|ECONNREFUSED")).isNull();
        assertThat(RequiredLiteral.of("\\d+:\\d+")).isNull();
    }
}
