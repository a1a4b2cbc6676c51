package org.servicestandards.standards;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;
import org.servicestandards.testing.HostileRules;
import org.servicestandards.testing.RecordBuilder;

/**
 * The hostile candidates are real: compiled by Drools without the verifier, these make their
 * proof file when they judge a record, so a proof file that is never made means nothing ran.
 */
class HostileRulesUnverifiedTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file-handler.drl", "beans-expression.drl", "char-quote-hides-the-line.drl", "mvel-eval.drl",
            "mvel-dialect.drl", "function-block.drl", "import-on-the-package-line.drl", "eval-on-the-left.drl",
            "declare-initializer.drl", "from-expression.drl", "constraint-calls-code.drl", "nio-files.drl", "runtime-exec.drl",
            "process-builder.drl", "unicode-newline-in-a-comment.drl", "comment-hides-code.drl", "string-escape-hides-code.drl",
            "dynamic-salience.drl", "reflection.drl", "string-built-class-name.drl", "object-streams.drl"})
    void compiled_without_the_verifier_a_hostile_candidate_makes_its_proof_file(String candidate, @TempDir Path sandbox)
            throws IOException {
        Path proof = sandbox.resolve("proof");
        String drl = Files.readString(HostileRules.FOLDER.resolve(candidate)).replace("${PROOF}", proof.toString());
        KieSession session = new KieHelper().addContent(drl, ResourceType.DRL).build().newKieSession();
        try {
            session.insert(RecordBuilder.record().build());
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        // A process started by the rule makes the file a moment later.
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(proof));
    }
}
