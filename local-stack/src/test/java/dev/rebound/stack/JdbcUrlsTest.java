package dev.rebound.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void aJdbcUrlIsUsedAsItIs() {
        assertThat(JdbcUrls.parse("jdbc:postgresql://db:5432/rebound", "app", "pw"))
                .isEqualTo(new StackService.Database("jdbc:postgresql://db:5432/rebound", "app", "pw"));
    }

    @Test
    void aLibpqUriGivesItsUserAndPassword() {
        assertThat(JdbcUrls.parse("postgresql://app:p%40ss@db.internal:6432/rebound?sslmode=require", null, null))
                .isEqualTo(new StackService.Database("jdbc:postgresql://db.internal:6432/rebound?sslmode=require",
                        "app", "p@ss"));
    }

    @Test
    void passwordsAreMaskedForPrinting() {
        assertThat(JdbcUrls.masked("jdbc:postgresql://db/rebound?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/rebound?user=app&password=****&ssl=true");
        assertThat(JdbcUrls.masked("postgresql://app:s3cret@db/rebound")).isEqualTo("postgresql://app:****@db/rebound");
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> JdbcUrls.parse("mysql://db/rebound", null, null))
                .hasMessageContaining("REBOUND_DATABASE_URL");
    }
}
