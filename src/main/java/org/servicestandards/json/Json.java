package org.servicestandards.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of the service: strict on the way in (no duplicate keys, no
 * trailing tokens, tight size limits), stable on the way out (ISO instants, no nulls).
 */
public final class Json {

    /** Deep enough for any valid record; a hostile body hits the limit long before the stack does. */
    public static final int MAX_NESTING = 32;
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final ObjectMapper MAPPER = build(false);
    private static final ObjectMapper CANONICAL = build(true);

    private Json() {
    }

    /** The mapper for reading requests and writing responses. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A mapper whose output depends only on content: properties and map keys sorted, so two
     * equal records always serialise to the same bytes (the idempotency key compares those).
     */
    public static ObjectMapper canonical() {
        return CANONICAL;
    }

    private static ObjectMapper build(boolean sorted) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                // Records are read and written by their components only; helper methods such as
                // isClosed() are for the rules, not part of the wire format.
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        if (sorted) {
            builder.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        }
        ObjectMapper mapper = builder.build();
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper;
    }
}
