package dev.rebound.kafka.web;

/** A request that is wrong in one field: answered 400 with a problem+json body naming the field. */
public class BadRequestException extends RuntimeException {

    private final String field;

    public BadRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
