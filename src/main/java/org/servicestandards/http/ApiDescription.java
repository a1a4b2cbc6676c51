package org.servicestandards.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.servicestandards.json.Json;

/**
 * The API description: the hand-written {@code openapi.yaml}, read once and served as JSON at
 * /openapi.json, and Swagger UI at /docs, its files from the swagger-ui webjar (under /webjars),
 * so the page needs no internet. Both are open; the page sends the key its user enters.
 */
final class ApiDescription {

    static final String SPEC_RESOURCE = "/openapi.yaml";
    static final String WEBJAR_VERSION_RESOURCE = "/swagger-ui.properties";

    private final String json;
    private final String page;

    private ApiDescription(String json, String page) {
        this.json = json;
        this.page = page;
    }

    static ApiDescription load() {
        JsonNode spec;
        try (InputStream in = resource(SPEC_RESOURCE)) {
            spec = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SPEC_RESOURCE, e);
        }
        Properties webjar = new Properties();
        try (InputStream in = resource(WEBJAR_VERSION_RESOURCE)) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_VERSION_RESOURCE, e);
        }
        try {
            return new ApiDescription(Json.mapper().writeValueAsString(spec), page("/webjars/swagger-ui/" + webjar.getProperty("version")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ApiDescription.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    /** Swagger UI on /openapi.json; no validator badge, which would call out to the internet. */
    private static String page(String assets) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>service-standards API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                  <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({
                      url: "/openapi.json",
                      dom_id: "#swagger-ui",
                      presets: [SwaggerUIBundle.presets.apis],
                      layout: "BaseLayout",
                      validatorUrl: null,
                      deepLinking: true
                    });
                  </script>
                </body>
                </html>
                """.formatted(assets);
    }

    void json(Context ctx) {
        ctx.contentType("application/json").result(json);
    }

    void docs(Context ctx) {
        ctx.html(page);
    }
}
