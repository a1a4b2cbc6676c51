package org.servicestandards.standards.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicestandards.testing.EditedRules;

/** Files whose names differ only in their extension are rule files of their own, each compiled once. */
class RuleFileNamesTest {

    @RegisterExtension
    final EditedRules rules = new EditedRules();

    @Test
    void a_drl_beside_a_dslr_of_the_same_name_compiles_with_it() {
        rules.add("standards/complaint-owner.drl", """
                package standards;

                import org.servicestandards.interaction.*;

                rule "a rule beside the complaint-owner sentences"
                when
                    Interaction( id == "never such a record" )
                then
                end
                """);
        assertThat(rules.load().rulesByPackage().get("standards"))
                .contains("a rule beside the complaint-owner sentences", "complaint-owner applies to complaints");
    }
}
