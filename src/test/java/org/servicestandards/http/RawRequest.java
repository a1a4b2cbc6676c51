package org.servicestandards.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte, so a test can send what no client library will: a broken
 * request line, a header with a space in its name, two Content-Lengths, HTTP/9.9.
 */
final class RawRequest {

    private final String line;
    private final StringBuilder headers = new StringBuilder();
    private byte[] body = new byte[0];

    private RawRequest(String line) {
        this.line = line;
    }

    /** {@code METHOD target HTTP/1.1} with a Host header. */
    static RawRequest of(String method, String target) {
        return line(method + " " + target + " HTTP/1.1").header("Host", "localhost");
    }

    /** Exactly this request line, and no header yet. */
    static RawRequest line(String requestLine) {
        return new RawRequest(requestLine);
    }

    /** Adds a header as written, whatever it holds. */
    RawRequest header(String name, String value) {
        headers.append(name).append(": ").append(value).append("\r\n");
        return this;
    }

    RawRequest bearer(String key) {
        return header("Authorization", "Bearer " + key);
    }

    /** The body as given, with no Content-Length added: the test says what framing it sends. */
    RawRequest body(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** A JSON body with its Content-Type and a correct Content-Length. */
    RawRequest json(String text) {
        return body(text).header("Content-Type", "application/json").header("Content-Length", Integer.toString(body.length));
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = (line + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        out.write(head, 0, head.length);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    @Override
    public String toString() {
        String head = line + " | " + headers.toString().replace("\r\n", " | ");
        return head.length() <= 120 ? head : head.substring(0, 120) + "…";
    }
}
