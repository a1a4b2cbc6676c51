package org.servicestandards.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicestandards.store.Database;

/**
 * The ingest's baseline for {@link ScaleBenchmark}: the rows the service stored, read back from
 * its (stopped) store with plain JDBC and inserted into a fresh store of the same schema (the
 * project's migrations) with JDBC batch inserts, one transaction per batch the client posted, in
 * the order it posted them. Nothing is judged, decoded or answered: what is left is what the
 * database itself costs to keep these rows, on the same pragmas (the {@link Database} pool's
 * connections: WAL, {@code synchronous=FULL}, immediate transactions).
 *
 * <p>A batch's transaction holds its records' rows (interactions, revisions, verdicts, outcomes,
 * findings: every revision and verdict the store ended with, the deadline keeper's included) and
 * the rows of the customers first seen in it (customers, customer_tiers, history_outcomes,
 * history_findings). Only the inserts and the commit are timed; reading the rows is not.
 */
final class RawInsertBaseline {

    /** A table replayed: the column that ties its rows to a record or a customer, and its primary key (the order within a batch). */
    private record Table(String name, String key, List<String> primaryKey, boolean byCustomer) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("interactions", "id", List.of("id"), false),
            new Table("revisions", "interaction_id", List.of("interaction_id", "revision"), false),
            new Table("verdicts", "interaction_id", List.of("interaction_id", "revision", "verdict_no"), false),
            new Table("outcomes", "interaction_id", List.of("interaction_id", "revision", "verdict_no", "standard"), false),
            new Table("findings", "interaction_id", List.of("interaction_id", "revision", "verdict_no", "standard", "seq"), false),
            new Table("customers", "id", List.of("id"), true),
            new Table("customer_tiers", "customer_id", List.of("customer_id", "since"), true),
            new Table("history_outcomes", "customer_id", List.of("standard", "subject_kind", "subject_id", "period"), true),
            // No customer column: its rows go with their outcome's customer (read through a join, below).
            new Table("history_findings", null, List.of("standard", "subject_kind", "subject_id", "period", "seq"), true));

    /** One transaction's worth: the records posted in one batch, and the customers first seen in it. */
    record Chunk(List<String> interactionIds, List<String> customerIds) {
    }

    /**
     * What the replay did: records and transactions, the seconds spent inserting and committing
     * (the baseline) and in all (reading included), the rows by table in the source and as
     * replayed, and the tables holding rows that are not records' (the service's bookkeeping).
     */
    record Result(long records, int transactions, double insertSeconds, double wallSeconds, Map<String, Long> sourceRows,
                  Map<String, Long> replayedRows, Map<String, Long> notReplayed) {
    }

    private RawInsertBaseline() {
    }

    static Result replay(Connection source, Database target, List<Chunk> chunks) throws SQLException {
        Map<String, Long> sourceRows = new LinkedHashMap<>();
        Map<String, Long> notReplayed = new TreeMap<>();
        for (String table : tables(source)) {
            long rows = count(source, table);
            if (TABLES.stream().anyMatch(t -> t.name().equals(table))) {
                sourceRows.put(table, rows);
            } else if (rows > 0 && !table.equals("flyway_schema_history")) {
                notReplayed.put(table, rows);
            }
        }
        Map<String, List<String>> columns = new HashMap<>();
        for (Table table : TABLES) {
            columns.put(table.name(), columns(source, table.name()));
        }
        long records = 0;
        long insertNanos = 0;
        long started = System.nanoTime();
        try (Connection into = target.dataSource().getConnection()) {
            into.setAutoCommit(false);
            Map<String, PreparedStatement> inserts = new HashMap<>();
            for (Table table : TABLES) {
                List<String> names = columns.get(table.name());
                inserts.put(table.name(), into.prepareStatement("INSERT INTO " + table.name() + " (" + String.join(", ", names)
                        + ") VALUES (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")"));
            }
            for (Chunk chunk : chunks) {
                Map<String, List<Object[]>> rows = new LinkedHashMap<>();
                for (Table table : TABLES) {
                    List<String> keys = table.byCustomer() ? chunk.customerIds() : chunk.interactionIds();
                    rows.put(table.name(), keys.isEmpty() ? List.of() : read(source, table, columns.get(table.name()), keys));
                }
                long t0 = System.nanoTime();
                for (Table table : TABLES) {
                    PreparedStatement insert = inserts.get(table.name());
                    List<Object[]> tableRows = rows.get(table.name());
                    for (Object[] row : tableRows) {
                        for (int k = 0; k < row.length; k++) {
                            insert.setObject(k + 1, row[k]);
                        }
                        insert.addBatch();
                    }
                    if (!tableRows.isEmpty()) {
                        insert.executeBatch();
                    }
                }
                into.commit();
                insertNanos += System.nanoTime() - t0;
                records += chunk.interactionIds().size();
            }
            for (PreparedStatement insert : inserts.values()) {
                insert.close();
            }
            into.setAutoCommit(true);
            Map<String, Long> replayed = new LinkedHashMap<>();
            for (Table table : TABLES) {
                replayed.put(table.name(), count(into, table.name()));
            }
            return new Result(records, chunks.size(), insertNanos / 1e9, (System.nanoTime() - started) / 1e9, sourceRows, replayed,
                    notReplayed);
        }
    }

    /** The rows of {@code table} for {@code keys}, in the order of the keys (as posted), then of the primary key. */
    private static List<Object[]> read(Connection source, Table table, List<String> columns, List<String> keys) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(keys.size(), "?"));
        String select;
        String keyColumn;
        if (table.key() == null) {
            select = "SELECT " + prefixed("f", columns) + ", o.customer_id FROM history_findings f JOIN history_outcomes o"
                    + " ON f.standard = o.standard AND f.subject_kind = o.subject_kind AND f.subject_id = o.subject_id"
                    + " AND f.period = o.period WHERE o.customer_id IN (" + placeholders + ") ORDER BY "
                    + prefixed("f", table.primaryKey());
            keyColumn = null;
        } else {
            select = "SELECT " + String.join(", ", columns) + " FROM " + table.name() + " WHERE " + table.key() + " IN ("
                    + placeholders + ") ORDER BY " + String.join(", ", table.primaryKey());
            keyColumn = table.key();
        }
        Map<String, Integer> position = new HashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            position.put(keys.get(k), k);
        }
        int keyIndex = keyColumn == null ? columns.size() : columns.indexOf(keyColumn);
        List<Object[]> rows = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        try (PreparedStatement query = source.prepareStatement(select)) {
            for (int k = 0; k < keys.size(); k++) {
                query.setString(k + 1, keys.get(k));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int k = 0; k < row.length; k++) {
                        row[k] = rs.getObject(k + 1);
                    }
                    rows.add(row);
                    order.add(position.get(rs.getString(keyIndex + 1)));
                }
            }
        }
        // A stable sort: within one record or customer the primary key's order stays.
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            indices.add(k);
        }
        indices.sort(Comparator.comparing(order::get));
        List<Object[]> sorted = new ArrayList<>(rows.size());
        indices.forEach(k -> sorted.add(rows.get(k)));
        return sorted;
    }

    private static String prefixed(String alias, List<String> columns) {
        return String.join(", ", columns.stream().map(c -> alias + "." + c).toList());
    }

    private static List<String> columns(Connection source, String table) throws SQLException {
        try (Statement statement = source.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int k = 1; k <= meta.getColumnCount(); k++) {
                names.add(meta.getColumnName(k).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equals("public")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Collections.sort(names);
        return names;
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
