package org.servicestandards.standards.load;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a rule may name: an explicit list of classes (the domain vocabulary and plain values) and,
 * computed from their public surface, which member names a rule may use. A member name is allowed
 * only when every public method (or field) of that name on every allowlisted class returns an
 * allowlisted type, a primitive, void, or an array or generic instance of those, and the name is
 * not one of the few that read or change the JVM or its environment. So whatever object a rule
 * holds was made from allowlisted types by allowlisted members, and is of an allowlisted type
 * itself; {@link RuleVerifier} argues the rest.
 */
final class RuleVocabulary {

    /** The domain: records, the facts rules derive and conclude, verdicts, the calendar's values. Decoders and file parsers are not here. */
    private static final List<Class<?>> DOMAIN = List.of(
            org.servicestandards.interaction.Interaction.class, org.servicestandards.interaction.Customer.class,
            org.servicestandards.interaction.Agent.class, org.servicestandards.interaction.Channel.class,
            org.servicestandards.interaction.Direction.class, org.servicestandards.interaction.InteractionType.class,
            org.servicestandards.interaction.Tier.class, org.servicestandards.interaction.Complaint.class,
            org.servicestandards.interaction.Courtesy.class, org.servicestandards.interaction.Pause.class,
            org.servicestandards.interaction.Promise.class,
            org.servicestandards.standards.facts.Applicable.class, org.servicestandards.standards.facts.Breach.class,
            org.servicestandards.standards.facts.Checked.class, org.servicestandards.standards.facts.ContactGap.class,
            org.servicestandards.standards.facts.ContactGaps.class, org.servicestandards.standards.facts.CourtesyItem.class,
            org.servicestandards.standards.facts.CustomerHistory.class, org.servicestandards.standards.facts.Deadline.class,
            org.servicestandards.standards.facts.FindingSeverity.class, org.servicestandards.standards.facts.FollowUpWindow.class,
            org.servicestandards.standards.facts.HistoryBreach.class,
            org.servicestandards.standards.facts.HistoryJudging.class, org.servicestandards.standards.facts.HistoryPending.class,
            org.servicestandards.standards.facts.HistoryPeriod.class, org.servicestandards.standards.facts.HistoryStandard.class,
            org.servicestandards.standards.facts.Judging.class, org.servicestandards.standards.facts.PassMark.class,
            org.servicestandards.standards.facts.Pending.class, org.servicestandards.standards.facts.Score.class,
            org.servicestandards.standards.facts.Shortfall.class, org.servicestandards.standards.facts.Target.class,
            org.servicestandards.verdict.Finding.class, org.servicestandards.verdict.HistoryOutcome.class,
            org.servicestandards.verdict.HistoryOutcome.Window.class, org.servicestandards.verdict.Outcome.class,
            org.servicestandards.verdict.Severity.class, org.servicestandards.verdict.StandardOutcome.class,
            org.servicestandards.verdict.Subject.class, org.servicestandards.verdict.Verdict.class,
            org.servicestandards.calendar.Clock.class, org.servicestandards.calendar.Interval.class,
            org.servicestandards.calendar.OpeningHours.class, org.servicestandards.calendar.Stopwatch.class,
            org.servicestandards.calendar.BusinessCalendar.class);

    /**
     * Plain values. No exception types (printStackTrace writes to the console), no iterators or
     * streams (they take lambdas, which rules cannot write anyway), no Locale (it holds the JVM's default).
     */
    private static final List<Class<?>> VALUES = List.of(
            Object.class, String.class, CharSequence.class, Comparable.class, Math.class, Number.class, Integer.class,
            Long.class, Short.class, Byte.class, Double.class, Float.class, Boolean.class, Character.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.math.RoundingMode.class, java.math.MathContext.class,
            java.util.Collection.class, java.util.List.class, java.util.Set.class, java.util.SortedSet.class,
            java.util.NavigableSet.class, java.util.Map.class, java.util.SortedMap.class, java.util.NavigableMap.class,
            java.util.Map.Entry.class, java.util.ArrayList.class, java.util.LinkedList.class, java.util.HashMap.class,
            java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.HashSet.class, java.util.LinkedHashSet.class,
            java.util.TreeSet.class, java.util.EnumSet.class, java.util.Collections.class, java.util.Objects.class,
            java.util.Optional.class, java.util.OptionalInt.class, java.util.OptionalLong.class, java.util.OptionalDouble.class,
            java.time.Clock.class, java.time.DayOfWeek.class, java.time.Duration.class, java.time.Instant.class,
            java.time.LocalDate.class, java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.Month.class,
            java.time.MonthDay.class, java.time.OffsetDateTime.class, java.time.OffsetTime.class, java.time.Period.class,
            java.time.Year.class, java.time.YearMonth.class, java.time.ZonedDateTime.class, java.time.ZoneId.class,
            java.time.ZoneOffset.class,
            java.time.temporal.ChronoField.class, java.time.temporal.ChronoUnit.class, java.time.temporal.IsoFields.class,
            java.time.temporal.JulianFields.class, java.time.temporal.Temporal.class, java.time.temporal.TemporalAccessor.class,
            java.time.temporal.TemporalAdjuster.class, java.time.temporal.TemporalAdjusters.class,
            java.time.temporal.TemporalAmount.class, java.time.temporal.TemporalField.class,
            java.time.temporal.TemporalQueries.class, java.time.temporal.TemporalQuery.class,
            java.time.temporal.TemporalUnit.class, java.time.temporal.ValueRange.class, java.time.temporal.WeekFields.class,
            java.time.format.DateTimeFormatter.class, java.time.format.DateTimeFormatterBuilder.class,
            java.time.format.DecimalStyle.class, java.time.format.FormatStyle.class, java.time.format.ResolverStyle.class,
            java.time.format.SignStyle.class, java.time.format.TextStyle.class,
            java.time.chrono.ChronoLocalDate.class, java.time.chrono.ChronoLocalDateTime.class,
            java.time.chrono.ChronoPeriod.class, java.time.chrono.ChronoZonedDateTime.class, java.time.chrono.Chronology.class,
            java.time.chrono.Era.class, java.time.chrono.IsoChronology.class, java.time.chrono.IsoEra.class,
            java.time.zone.ZoneOffsetTransition.class, java.time.zone.ZoneOffsetTransitionRule.class,
            java.time.zone.ZoneRules.class);

    /**
     * Names refused whatever they return: the Object monitor and class, constant descriptors, and
     * readers or writers of JVM-wide state (system properties, the default zone, the clock, a
     * random source), plus the two cheapest ways to make a huge value out of a small one.
     */
    static final Set<String> REFUSED_NAMES = Set.of("getClass", "wait", "notify", "notifyAll", "describeConstable",
            "resolveConstantDesc", "getInteger", "getLong", "getBoolean", "setDefault", "getDefault", "now", "systemDefault",
            "systemDefaultZone", "systemUTC", "tick", "tickMillis", "tickSeconds", "tickMinutes", "random", "repeat",
            "nCopies", "getAvailableChronologies");

    /** Whether a member name may be used, and if not, why. */
    record Verdict(boolean allowed, String reason) {
        static final Verdict UNKNOWN = new Verdict(false, null);

        boolean known() {
            return allowed || reason != null;
        }
    }

    private static final RuleVocabulary STANDARD = new RuleVocabulary();

    private final Map<String, Class<?>> byName;
    private final Set<Class<?>> classes;
    private final Set<String> packages;
    private final Map<String, Verdict> methods = new HashMap<>();
    private final Map<String, Verdict> fields = new HashMap<>();

    private RuleVocabulary() {
        byName = Stream.concat(DOMAIN.stream(), VALUES.stream())
                .collect(Collectors.toUnmodifiableMap(Class::getCanonicalName, Function.identity()));
        classes = Set.copyOf(byName.values());
        packages = byName.values().stream().map(Class::getPackageName).collect(Collectors.toUnmodifiableSet());
        for (Class<?> type : byName.values()) {
            for (Method method : type.getMethods()) {
                judge(methods, method.getName(), method.getGenericReturnType(), type);
            }
            for (Field field : type.getFields()) {
                judge(fields, field.getName(), field.getGenericType(), type);
            }
        }
    }

    static RuleVocabulary standard() {
        return STANDARD;
    }

    private void judge(Map<String, Verdict> table, String name, Type type, Class<?> owner) {
        Verdict before = table.get(name);
        if (before != null && !before.allowed()) {
            return;
        }
        if (REFUSED_NAMES.contains(name)) {
            table.put(name, new Verdict(false, "'" + name + "' reads or changes the state of the JVM"));
        } else if (!isAllowed(type)) {
            table.put(name, new Verdict(false, "'" + name + "' of " + owner.getSimpleName() + " gives a "
                    + type.getTypeName() + ", which is not in the vocabulary"));
        } else {
            table.put(name, new Verdict(true, null));
        }
    }

    /** Whether a value of this (generic) type is one a rule may hold. A type variable's value is one the rule put in. */
    boolean isAllowed(Type type) {
        if (type instanceof Class<?> c) {
            return c.isPrimitive() || (c.isArray() ? isAllowed(c.getComponentType()) : classes.contains(c));
        }
        if (type instanceof ParameterizedType p) {
            return isAllowed(p.getRawType()) && Arrays.stream(p.getActualTypeArguments()).allMatch(this::isAllowed);
        }
        if (type instanceof GenericArrayType array) {
            return isAllowed(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            return Stream.concat(Arrays.stream(wildcard.getUpperBounds()), Arrays.stream(wildcard.getLowerBounds()))
                    .allMatch(this::isAllowed);
        }
        return type instanceof TypeVariable<?>;
    }

    /** The allowlisted class of this canonical name ({@code java.util.Map.Entry}), if any. */
    Optional<Class<?>> classNamed(String canonicalName) {
        return Optional.ofNullable(byName.get(canonicalName));
    }

    /** Whether an on-demand import of this package or class brings in anything a rule may use. */
    boolean hasPackage(String name) {
        return packages.contains(name) || byName.containsKey(name);
    }

    Verdict method(String name) {
        return methods.getOrDefault(name, Verdict.UNKNOWN);
    }

    Verdict field(String name) {
        return fields.getOrDefault(name, Verdict.UNKNOWN);
    }

    /**
     * A property as MVEL reads it ({@code $t.limit}, {@code complaint.owned}): through {@code name()},
     * {@code getName()}, {@code isName()} or a public field. Allowed when one of those is allowed and none is refused.
     */
    Verdict property(String name) {
        String capitalized = name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        List<Verdict> readers = List.of(method(name), method("get" + capitalized), method("is" + capitalized), field(name));
        for (Verdict reader : readers) {
            if (reader.known() && !reader.allowed()) {
                return reader;
            }
        }
        return readers.stream().anyMatch(Verdict::allowed) ? new Verdict(true, null) : Verdict.UNKNOWN;
    }

    /** A public static field of an allowlisted class that a rule may read ({@code Tier.VIP}, {@code Duration.ZERO}). */
    boolean isStaticField(Class<?> owner, String name) {
        try {
            Field field = owner.getField(name);
            return java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field(name).allowed();
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    /** What rules may use, for messages. */
    String summary() {
        return "the vocabulary (org.servicestandards.interaction, .standards.facts, .verdict, .calendar), java.time, String,"
                + " Math, the boxed numbers, BigDecimal and the java.util collections (see rules/README.md)";
    }
}
