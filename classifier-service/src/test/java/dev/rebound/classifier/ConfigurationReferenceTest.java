package dev.rebound.classifier;

import dev.rebound.testsupport.ConfigurationReference;
import org.junit.jupiter.api.Test;

/** Every configuration key of this module is in docs/configuration.md. */
class ConfigurationReferenceTest {

    @Test
    void everyKeyIsDocumented() throws Exception {
        ConfigurationReference.assertDocumentsThisModule();
    }
}
