package dev.rebound.classifier.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void aHostTheToolTalkedToIsTheTarget() {
        assertThat(Targets.inLine("npm ERR! 404 Not Found - GET https://registry.npmjs.org/left-padx"))
                .isEqualTo("registry.npmjs.org");
        assertThat(Targets.inLine("[ERROR] Failed to execute goal on project shop: Could not transfer artifact a:b:pom:1 "
                + "from/to central (https://repo.maven.apache.org/maven2): status code: 503"))
                .isEqualTo("repo.maven.apache.org");
        // a host that failed to resolve is what failed, whatever its name
        assertThat(Targets.inLine("curl: (6) Could not resolve host: docs.example.com")).isEqualTo("docs.example.com");
    }

    @Test
    void aLinkToDocumentationOrHelpIsNot() {
        assertThat(Targets.inLine("[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/MojoFailureException"))
                .isNull();
        assertThat(Targets.inLine("SLF4J: See http://www.slf4j.org/codes.html#StaticLoggerBinder for further details."))
                .isNull();
        assertThat(Targets.inLine("[ERROR] Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE"))
                .isNull();
        assertThat(Targets.inLine("HttpError: Bad credentials - https://docs.github.com/rest")).isNull();
        assertThat(Targets.inLine("##[error]No hosted parallelism has been purchased or granted. To request a free "
                + "parallelism grant, please fill out the following form https://aka.ms/azpipelines-parallelism-request"))
                .isNull();
        // the host of a real request on the same kind of line still counts
        assertThat(Targets.inLine("Error: GET https://api.github.com/repos/acme/app/releases/tags/v1: 404")).isEqualTo("api.github.com");
    }

    @Test
    void documentationHostsAreKnownByTheirNameNotByAnyDot() {
        assertThat(Targets.documentation("docs.github.com")).isTrue();
        assertThat(Targets.documentation("help.gradle.org")).isTrue();
        assertThat(Targets.documentation("aka.ms")).isTrue();
        assertThat(Targets.documentation("repo.maven.apache.org")).isFalse();
        assertThat(Targets.documentation("services.gradle.org")).isFalse();
        assertThat(Targets.documentation("docs.rs")).as("two labels: a site of its own").isFalse();
    }
}
