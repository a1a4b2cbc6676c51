package org.servicestandards.standards.load;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicestandards.calendar.BusinessCalendar;
import org.servicestandards.calendar.BusinessCalendars;
import org.servicestandards.calendar.CalendarFile;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;

/**
 * The business calendars of a rule set: {@code calendar.yaml} (the default; Monday to Friday,
 * 09:00-18:00 UTC when there is none) and {@code calendars/NAME.yaml}, one calendar each; and
 * the check that every rule choosing a record's calendar ({@code judging.countIn($i, "NAME")})
 * names one of them, in the calendar table, which fires before every other rule.
 */
final class CalendarFiles {

    static final String FOLDER = "calendars/";
    private static final Pattern COUNT_IN = Pattern.compile("\\bcountIn\\s*\\(");
    private static final Pattern NAMED = Pattern.compile("\\G[^,()]*,\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern AGENDA_GROUP = Pattern.compile("agenda-group\\s+\"" + RuleSet.CALENDARS_PACKAGE + "\"");

    private CalendarFiles() {
    }

    /** Whether a path relative to the rules directory is one of the calendars. */
    static boolean isCalendar(String relative) {
        return relative.equals(RuleSetLoader.CALENDAR_FILE)
                || (relative.startsWith(FOLDER) && relative.endsWith(".yaml") && relative.indexOf('/', FOLDER.length()) < 0);
    }

    /** Every calendar of the files; each one that does not read is a problem, and counts as the standard week meanwhile. */
    static BusinessCalendars read(Map<String, byte[]> files, List<RuleProblem> problems) {
        BusinessCalendar standard = files.containsKey(RuleSetLoader.CALENDAR_FILE)
                ? parse(RuleSetLoader.CALENDAR_FILE, files.get(RuleSetLoader.CALENDAR_FILE), problems)
                : BusinessCalendar.standardWeek();
        Map<String, BusinessCalendar> others = new TreeMap<>();
        files.forEach((path, content) -> {
            if (!path.startsWith(FOLDER) || !isCalendar(path)) {
                return;
            }
            String name = path.substring(FOLDER.length(), path.length() - ".yaml".length());
            if (name.equals(BusinessCalendars.DEFAULT) || !BusinessCalendars.NAME.matcher(name).matches()) {
                problems.add(new RuleProblem(path, 0, 0, name.equals(BusinessCalendars.DEFAULT)
                        ? "'default' is calendar.yaml's calendar; name this one otherwise"
                        : "a calendar's file name is its name: lower-case letters, digits, - and _ (at most 64), then .yaml"));
                return;
            }
            others.put(name, parse(path, content, problems));
        });
        return new BusinessCalendars(standard, others);
    }

    private static BusinessCalendar parse(String path, byte[] content, List<RuleProblem> problems) {
        try {
            return CalendarFile.parse(new String(content, StandardCharsets.UTF_8));
        } catch (CalendarFile.CalendarException e) {
            problems.add(new RuleProblem(path, (int) e.line(), 0, e.getMessage()));
            return BusinessCalendar.standardWeek();
        }
    }

    /**
     * Every {@code countIn} of the verified sources names, in quotes, a calendar the rule set has,
     * and comes from a rule of package {@code calendars} in the agenda group of that name, so it
     * fires before any rule measures a record's time. A table's problem names its row and cell.
     */
    static void check(List<RuleSources.RuleSource> sources, BusinessCalendars calendars, List<RuleProblem> problems) {
        for (RuleSources.RuleSource source : sources) {
            String drl = source.drl();
            boolean calendarTable = source.packageName().equals(RuleSet.CALENDARS_PACKAGE);
            for (Matcher call = COUNT_IN.matcher(drl); call.find(); ) {
                Matcher named = NAMED.matcher(drl);
                if (!calendarTable) {
                    problems.add(source.origin().at(call.start(), "countIn", "only rules of package " + RuleSet.CALENDARS_PACKAGE
                            + " (the calendar table) may choose a record's calendar: they fire before any rule measures time"));
                } else if (!named.find(call.end())) {
                    problems.add(source.origin().at(call.start(), "countIn", "countIn names its calendar in quotes:"
                            + " judging.countIn($i, \"NAME\"), NAME one of " + calendars.names()));
                } else if (calendars.named(named.group(1)).isEmpty()) {
                    problems.add(source.origin().at(named.start(1), named.group(1), "there is no calendar '" + named.group(1)
                            + "': the rule set has " + calendars.names() + " (calendar.yaml is 'default', calendars/NAME.yaml is NAME)"));
                }
            }
            if (calendarTable && !AGENDA_GROUP.matcher(drl).find()) {
                problems.add(new RuleProblem(source.path(), 0, 0, "the rules of package " + RuleSet.CALENDARS_PACKAGE
                        + " fire first only in the agenda group of that name: add the row \"AGENDA-GROUP\",\""
                        + RuleSet.CALENDARS_PACKAGE + "\" under \"RuleSet\",\"" + RuleSet.CALENDARS_PACKAGE + "\""));
            }
        }
    }
}
