package dev.rebound.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden examples guard the wire format: each validates against its schema, reads into its record
 * without a constraint violation, and writes back unchanged. The invalid examples are refused by both
 * the schema and the record's constraints, naming the same field.
 */
class GoldenExamplesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static List<Path> golden() {
        return ContractFiles.in("golden");
    }

    static List<Path> invalid() {
        return ContractFiles.in("invalid");
    }

    @ParameterizedTest
    @MethodSource("golden")
    void validatesAgainstItsSchema(Path file) throws IOException {
        assertThat(SchemaValidation.validate(ContractFiles.typeOf(file), Files.readString(file))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("golden")
    void roundTripsUnchanged(Path file) throws IOException {
        EventType type = ContractFiles.typeOf(file);
        JsonNode original = WireJson.mapper().readTree(file.toFile());

        EventData data = WireJson.read(Files.readAllBytes(file), type.dataClass());

        assertThat(VALIDATOR.validate(data)).isEmpty();
        assertThat(WireJson.mapper().readTree(WireJson.write(data))).isEqualTo(original);
    }

    @Test
    void everyEventTypeHasAGoldenExample() {
        Set<EventType> covered = EnumSet.noneOf(EventType.class);
        golden().forEach(f -> covered.add(ContractFiles.typeOf(f)));
        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidExampleIsRefusedBySchemaAndRecordNamingTheField(Path file) throws IOException {
        EventType type = ContractFiles.typeOf(file);
        JsonNode example = WireJson.mapper().readTree(file.toFile());
        String field = example.get("field").asText();
        String data = example.get("data").toString();

        assertThat(SchemaValidation.validate(type, data))
                .as("schema errors")
                .isNotEmpty()
                .anySatisfy(e -> assertThat(e.getInstanceLocation() + " " + e.getProperty() + " " + e.getMessage())
                        .contains(field));
        assertThat(recordViolations(type, data)).as("record constraint violations").contains(field);
    }

    /** The fields the record refuses: constraint violations, or the field a value cannot be read into. */
    private static String recordViolations(EventType type, String data) {
        try {
            EventData read = WireJson.read(data.getBytes(java.nio.charset.StandardCharsets.UTF_8), type.dataClass());
            Set<ConstraintViolation<EventData>> violations = VALIDATOR.validate(read);
            return violations.stream().map(v -> v.getPropertyPath().toString()).toList().toString();
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            return e.getPath().stream().map(r -> r.getFieldName()).toList().toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
