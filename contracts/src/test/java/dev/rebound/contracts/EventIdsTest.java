package dev.rebound.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void theSameDerivationGivesTheSameId() {
        String first = EventIds.derive("a3c1e8f0-0000-4000-8000-000000000001", EventType.ERROR_CLASSIFIED.type());
        String again = EventIds.derive("a3c1e8f0-0000-4000-8000-000000000001", EventType.ERROR_CLASSIFIED.type());

        assertThat(first).isEqualTo(again);
    }

    @Test
    void anotherTypeOrInputGivesAnotherId() {
        String input = "a3c1e8f0-0000-4000-8000-000000000001";

        assertThat(EventIds.derive(input, EventType.ERROR_CLASSIFIED.type()))
                .isNotEqualTo(EventIds.derive(input, EventType.RETRY_REQUESTED.type()))
                .isNotEqualTo(EventIds.derive("a3c1e8f0-0000-4000-8000-000000000002",
                        EventType.ERROR_CLASSIFIED.type()));
    }

    @Test
    void idsAreVersion5UuidsOfTheReboundNamespace() {
        UUID id = UUID.fromString(EventIds.derive("input", "type"));

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        // a fixed vector (Python: uuid.uuid5(NAMESPACE, "input\ntype"))
        // changing the namespace or the name layout would silently break deduplication
        assertThat(id).isEqualTo(UUID.fromString("c9a3495e-87a0-5e68-8343-9415afd25a60"));
    }
}
