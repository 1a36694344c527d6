package io.rightsize.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON mapper setup for messages, orders and reports, so every module reads what another wrote. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** One reader and writer per type, resolved once: messages are parsed tens of thousands of times a second. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return MAPPER.writerFor(type);
        }
    };

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return value == null ? "null" : WRITERS.get(value.getClass()).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a message; a malformed one, a missing one (a Kafka tombstone) or a JSON {@code null} throws
     * {@link MalformedMessageException} naming the type, so no caller ever holds a null message.
     */
    public static <T> T read(String text, Class<T> type) {
        if (text == null) {
            throw new MalformedMessageException(type.getSimpleName() + ": no content (null message)", null);
        }
        try {
            T value = READERS.get(type).readValue(text);
            if (value == null) {
                throw new MalformedMessageException(type.getSimpleName() + ": the message is JSON null", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
