package org.servicestandards.interaction;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One reader for every way records arrive: a JSON array, one object, or NDJSON, over HTTP or in a file. */
class RecordsReaderTest {

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Test
    void an_array_is_a_list_and_an_object_a_single_record() {
        Batch array = RecordsReader.read(bytes("[{\"id\":\"a\"},{\"id\":\"b\"}]"), RecordsReader.Format.JSON);
        assertThat(array.single()).isFalse();
        assertThat(array.entries()).hasSize(2).allMatch(Batch.Readable.class::isInstance);
        Batch one = RecordsReader.read(bytes("{\"id\":\"a\"}"), RecordsReader.Format.JSON);
        assertThat(one.single()).isTrue();
    }

    @Test
    void in_ndjson_a_broken_line_is_an_unreadable_entry_in_its_place_and_blank_lines_are_skipped() {
        Batch batch = RecordsReader.read(bytes("{\"id\":\"a\"}\r\n\n  \n{\"id\": \n{\"id\":\"c\"}"), RecordsReader.Format.NDJSON);
        assertThat(batch.entries()).hasSize(3);
        assertThat(batch.entries().get(1)).isInstanceOfSatisfying(Batch.Unreadable.class,
                line -> assertThat(line.reason()).startsWith("line 4 is not valid JSON"));
        assertThat(batch.entries().get(2)).isInstanceOf(Batch.Readable.class);
    }

    @Test
    void a_line_with_a_broken_utf8_sequence_is_refused_not_read_with_replacement_characters() {
        byte[] body = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};
        assertThat(RecordsReader.read(body, RecordsReader.Format.NDJSON).entries().get(0)).isInstanceOf(Batch.Unreadable.class);
    }

    @Test
    void json_that_does_not_parse_or_an_empty_body_is_refused_whole() {
        assertThatThrownBy(() -> RecordsReader.read(bytes("[{\"id\": "), RecordsReader.Format.JSON))
                .isInstanceOfSatisfying(RecordsReader.UnreadableBody.class, e -> assertThat(e.malformed()).isNotNull());
        assertThatThrownBy(() -> RecordsReader.read(bytes("  "), RecordsReader.Format.JSON))
                .isInstanceOfSatisfying(RecordsReader.UnreadableBody.class, e -> assertThat(e.malformed()).isNull());
    }

    @Test
    void a_file_is_read_by_its_layout_an_array_an_object_over_many_lines_or_ndjson() {
        assertThat(RecordsReader.sniff(bytes("\n [ {\"id\":\"a\"} ]")).entries()).hasSize(1);
        Batch pretty = RecordsReader.sniff(bytes("{\n  \"id\": \"a\",\n  \"channel\": \"PHONE\"\n}\n"));
        assertThat(pretty.single()).isTrue();
        assertThat(pretty.entries()).hasSize(1).allMatch(Batch.Readable.class::isInstance);
        assertThat(RecordsReader.sniff(bytes("{\"id\":\"a\"}\n{\"id\":\"b\"}\n")).entries()).hasSize(2)
                .allMatch(Batch.Readable.class::isInstance);
    }
}
