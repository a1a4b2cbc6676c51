package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.ContentHash;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.Instants;
import org.servicestandards.interaction.RecordDecoder;

/**
 * Fuzz targets on the way a posted body becomes records or a customer update: the bytes are
 * read as the service reads them (a JSON object or array, or NDJSON), then decoded. Whatever the
 * bytes, the reading either gives records or refuses with a 4xx {@link Problem}, and decoding
 * never throws: it gives a record (its instants in the accepted range, and read back from its
 * stored form as the same record) or names what is wrong.
 *
 * <p>A normal build replays the inputs under {@code src/test/resources/org/servicestandards/http/
 * RequestBodyFuzzTestInputs/<method>/}; {@code JAZZER_FUZZ=1} fuzzes one method (README, Tests).
 */
class RequestBodyFuzzTest {

    private static final RecordDecoder DECODER = new RecordDecoder();
    private static final int MAX_RECORDS = 10_000;

    @FuzzTest(maxDuration = "2m")
    void json_bodies_are_read_or_refused_with_a_4xx_and_every_record_decodes_soundly(byte[] body) {
        readAndDecode("application/json", body);
    }

    @FuzzTest(maxDuration = "2m")
    void ndjson_bodies_are_read_line_by_line_and_every_record_decodes_soundly(byte[] body) {
        readAndDecode("application/x-ndjson", body);
    }

    @FuzzTest(maxDuration = "2m")
    void customer_updates_are_read_or_refused_with_a_4xx_and_decode_soundly(byte[] body) {
        JsonNode tree;
        try {
            tree = Bodies.tree(body);
        } catch (Problem refused) {
            assertRefusal(refused);
            return;
        }
        CustomerUpdate.Decoded decoded = CustomerUpdate.decode(tree);
        assertThat(decoded.errors()).isNotNull();
        assertThat(decoded.update() == null).isEqualTo(!decoded.errors().isEmpty());
        if (decoded.update() != null && decoded.update().since() != null) {
            assertThat(decoded.update().since()).isBetween(Instants.EARLIEST, Instants.LATEST);
        }
        decoded.errors().forEach(error -> assertThat(error.pointer()).satisfiesAnyOf(
                p -> assertThat(p).isEmpty(), p -> assertThat(p).startsWith("/")));
    }

    private static void readAndDecode(String mediaType, byte[] body) {
        Batch records;
        try {
            records = Bodies.records(mediaType, () -> body, MAX_RECORDS);
        } catch (Problem refused) {
            assertRefusal(refused);
            return;
        }
        for (Batch.Entry entry : records.entries()) {
            if (entry instanceof Batch.Unreadable unreadable) {
                assertThat(unreadable.reason()).startsWith("line ");
                continue;
            }
            JsonNode node = ((Batch.Readable) entry).node();
            RecordDecoder.Decoded decoded = DECODER.decode(node);
            assertThat(decoded.isValid()).isEqualTo(decoded.interaction() != null);
            if (decoded.isValid()) {
                assertThat(decoded.interaction().openedAt()).isBetween(Instants.EARLIEST, Instants.LATEST);
                // What is stored reads back as the same record: the idempotency key depends on it.
                ContentHash content = ContentHash.of(decoded.interaction());
                RecordDecoder.Decoded stored = DECODER.decode(Bodies.tree(content.canonicalJson().getBytes(StandardCharsets.UTF_8)));
                assertThat(stored.errors()).as(content.canonicalJson()).isEmpty();
                assertThat(ContentHash.of(stored.interaction())).isEqualTo(content);
            } else {
                assertThat(decoded.errors()).allSatisfy(error -> assertThat(error.reason()).isNotBlank());
            }
        }
    }

    static void assertRefusal(Problem refused) {
        assertThat(refused.status()).as(refused.getMessage()).isBetween(400, 499);
        assertThat(refused.getMessage()).isNotBlank();
    }
}
