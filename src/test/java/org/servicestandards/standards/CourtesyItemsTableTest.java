package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicestandards.interaction.Channel;
import org.servicestandards.testing.EditedRules;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;

/**
 * tables/courtesy-items.csv lists the checklist items the records carry: an officer may move an
 * item to other channels, make it mandatory or not, or drop it, but not list an item no record
 * could assess; that is refused at its row, naming the items the records do carry.
 */
class CourtesyItemsTableTest {

    private static final String TABLE = "tables/courtesy-items.csv";
    private static final String AS_OF = "2026-11-18T15:00:00Z";
    private static final String CARRIED = "the items interaction records carry in their courtesy block are greeting,"
            + " addressedByName, eyeContact, smile, listenedAttentively, askedQuestions, explained, offeredHelp, warmFarewell";

    @RegisterExtension
    final EditedRules rules = new EditedRules();

    private void addRow(String row) {
        rules.replace(TABLE, "\"IN_PERSON, VISIT\",\"no\",\"smile\"\n", "\"IN_PERSON, VISIT\",\"no\",\"smile\"\n" + row + "\n");
    }

    @Test
    void an_item_the_records_do_not_carry_is_refused_at_its_row_naming_the_items_they_do() {
        addRow("\"IN_PERSON, VISIT\",\"no\",\"patience\"");

        rules.assertRefusedAt(TABLE, 18, "'patience' is not a courtesy item the records carry, so no record could assess it; "
                + CARRIED + ". The table may list these on the channels it chooses and mark them mandatory or not; an item"
                + " of its own needs the record format to carry it first");
    }

    @Test
    void rudeness_is_refused_as_an_item_for_it_is_reported_and_never_scored() {
        addRow("\"PHONE\",\"CRITICAL\",\"rudeness\"");

        rules.assertRefusedAt(TABLE, 18, "'rudeness' is not a checklist item: it is reported (courtesy.rudeness) and found by"
                + " its own rule, never scored; " + CARRIED);
    }

    @Test
    void an_item_may_move_to_other_channels_or_be_dropped() {
        rules.replace(TABLE, "\"PHONE, CHAT, IN_PERSON, VISIT\",\"no\",\"listenedAttentively\"",
                "\"PHONE, EMAIL, CHAT, IN_PERSON, VISIT\",\"no\",\"listenedAttentively\"");
        rules.replace(TABLE, "\"IN_PERSON, VISIT\",\"no\",\"smile\"\n", "");

        RecordBuilder email = record().channel(Channel.EMAIL).courtesy(RecordBuilder.allCourteous()).courtesy("listenedAttentively", false);
        StandardOutcome onEmail = rules.judge("courtesy", email, AS_OF);
        assertThat(onEmail.score()).isEqualByComparingTo(new BigDecimal("83.3"));
        RecordBuilder frontDesk = record().channel(Channel.IN_PERSON).courtesy(RecordBuilder.allCourteous()).courtesy("smile", false);
        StandardOutcome inPerson = rules.judge("courtesy", frontDesk, AS_OF);
        assertThat(inPerson.outcome()).isEqualTo(Outcome.PASS);
        assertThat(inPerson.score()).isEqualByComparingTo(new BigDecimal("100"));
    }
}
