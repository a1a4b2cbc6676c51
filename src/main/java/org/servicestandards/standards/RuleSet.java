package org.servicestandards.standards;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.servicestandards.calendar.BusinessCalendar;
import org.servicestandards.calendar.BusinessCalendars;

/**
 * A compiled, immutable rule set: the standards it declares, the calendars it counts business
 * time by, its rules, and the content hash of the files it was built from. Shared by every
 * evaluation; each evaluation takes its own session, with empty working memory, from a pool.
 */
public final class RuleSet {

    private final String version;
    private final List<StandardDefinition> standards;
    private final BusinessCalendars calendars;
    private final Map<String, String> files;
    private final Map<String, List<String>> rulesByPackage;
    private final Instant loadedAt;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final boolean declaresJudging;
    private final KieBase historyBase;
    private final KieSessionsPool historySessions;
    private final boolean declaresHistory;
    private final Map<String, byte[]> sources;
    private final int exampleCases;
    private final int exampleExpectations;

    public RuleSet(String version, List<StandardDefinition> standards, BusinessCalendars calendars, Map<String, byte[]> sources,
            Map<String, String> files, Map<String, List<String>> rulesByPackage, Instant loadedAt, KieBase kieBase,
            boolean declaresJudging, KieBase historyBase, boolean declaresHistory) {
        this(version, standards, calendars, sources, files, rulesByPackage, loadedAt, kieBase,
                // Sessions are reset and reused: creating one costs about as much as judging a record.
                kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2), declaresJudging,
                historyBase, historyBase == null ? null : historyBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2),
                declaresHistory, 0, 0);
    }

    private RuleSet(String version, List<StandardDefinition> standards, BusinessCalendars calendars, Map<String, byte[]> sources,
                    Map<String, String> files,
                    Map<String, List<String>> rulesByPackage, Instant loadedAt, KieBase kieBase, KieSessionsPool sessions,
                    boolean declaresJudging, KieBase historyBase, KieSessionsPool historySessions, boolean declaresHistory,
                    int exampleCases, int exampleExpectations) {
        this.version = version;
        this.standards = List.copyOf(standards);
        this.calendars = calendars;
        this.files = Map.copyOf(files);
        this.rulesByPackage = Map.copyOf(rulesByPackage);
        this.loadedAt = loadedAt;
        this.kieBase = kieBase;
        this.sessions = sessions;
        this.declaresJudging = declaresJudging;
        this.historyBase = historyBase;
        this.historySessions = historySessions;
        this.declaresHistory = declaresHistory;
        this.sources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
        this.exampleCases = exampleCases;
        this.exampleExpectations = exampleExpectations;
    }

    /** The same rule set, having passed its example cases. */
    public RuleSet withExamples(int cases, int expectations) {
        return new RuleSet(version, standards, calendars, sources, files, rulesByPackage, loadedAt, kieBase, sessions,
                declaresJudging, historyBase, historySessions, declaresHistory, cases, expectations);
    }

    /** How many example cases, and expectations in them, this rule set passed when it was loaded. */
    public int exampleCases() {
        return exampleCases;
    }

    public int exampleExpectations() {
        return exampleExpectations;
    }

    /** {@code sha256:} and the hex hash of every file's path and content. */
    public String version() {
        return version;
    }

    public List<StandardDefinition> standards() {
        return standards;
    }

    public List<StandardDefinition> standards(StandardScope scope) {
        return standards.stream().filter(s -> s.scope() == scope).toList();
    }

    /** The default calendar: {@code calendar.yaml}'s. */
    public BusinessCalendar calendar() {
        return calendars.defaultCalendar();
    }

    /** Every calendar of the rule set by name, the default among them. */
    public BusinessCalendars calendars() {
        return calendars;
    }

    /** Whether the rule set has a calendar table: rules of package {@code calendars}, which fire before any other. */
    public boolean choosesCalendars() {
        return rulesByPackage.containsKey(CALENDARS_PACKAGE);
    }

    /** The package, and agenda group, of the rules that choose each record's calendar. */
    public static final String CALENDARS_PACKAGE = "calendars";

    /** Each file's path under the rules directory and its content hash. */
    public Map<String, String> files() {
        return files;
    }

    /** The files this rule set was built from, path to content, as they were. */
    public Map<String, byte[]> sources() {
        return sources;
    }

    public Map<String, List<String>> rulesByPackage() {
        return rulesByPackage;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** A session with empty working memory; disposing it returns it to the pool, reset. */
    KieSession newSession() {
        return sessions.newKieSession();
    }

    public boolean declaresJudging() {
        return declaresJudging;
    }

    /** Whether the rule set has history rules (package {@code history}) and history standards to judge. */
    public boolean judgesHistory() {
        return historyBase != null && !standards(StandardScope.HISTORY).isEmpty();
    }

    /** A session of the history rules, with empty working memory; disposing it returns it to the pool. */
    KieSession newHistorySession() {
        return historySessions.newKieSession();
    }

    public boolean declaresHistory() {
        return declaresHistory;
    }
}
