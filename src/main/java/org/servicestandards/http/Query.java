package org.servicestandards.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string, decoded strictly as UTF-8 form encoding ({@code +} is a space, {@code %XX} a
 * byte). A malformed escape or byte sequence is a 400 naming the parameter: Javalin's own reading
 * drops such a parameter without a word (so {@code from=%zz} would silently mean the default) and
 * decodes with whatever charset the request's Content-Type names.
 */
final class Query {

    private static final String ATTRIBUTE = "strict-query-parameters";

    private Query() {
    }

    /** The request's parameters by name, each with its values in order; decoded once per request. */
    static Map<String, List<String>> of(Context ctx) {
        Map<String, List<String>> parameters = ctx.attribute(ATTRIBUTE);
        if (parameters == null) {
            parameters = parse(ctx.queryString());
            ctx.attribute(ATTRIBUTE, parameters);
        }
        return parameters;
    }

    /** @throws Problem (400) naming the parameter whose name or value is not valid form encoding */
    static Map<String, List<String>> parse(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        parameters.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(parameters);
    }

    private static String decode(String text, String parameter) {
        if (text.indexOf('%') < 0) {
            return text.replace('+', ' ');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int high = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int low = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw refused(parameter, "has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                // Outside escapes the query holds only what the URI allows; Jetty has already refused the rest.
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw refused(parameter, "is not UTF-8 once its %-escapes are decoded");
        }
    }

    private static Problem refused(String parameter, String reason) {
        return parameter == null
                ? Problem.badParameter("query", "a parameter name " + reason)
                : Problem.badParameter(parameter, reason);
    }
}
