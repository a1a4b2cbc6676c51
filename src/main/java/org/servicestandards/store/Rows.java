package org.servicestandards.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A batch of rows for one statement, bound straight on the JDBC statement. Ingest writes about
 * twenty values for each of a dozen rows a record; binding them through Jdbi's argument
 * factories took a quarter of ingest. Values are Strings, Integers, Longs, Booleans, BigDecimals
 * or null
 * (bound as Jdbi binds an untyped null). The statement is prepared on the first row and closed
 * when the batch is executed (or with the connection, when the transaction fails first).
 */
final class Rows {

    private final Handle h;
    private final String sql;
    private PreparedStatement statement;
    private int size;

    private Rows(Handle h, String sql) {
        this.h = h;
        this.sql = sql;
    }

    static Rows of(Handle h, String sql) {
        return new Rows(h, sql);
    }

    void add(Object... values) {
        try {
            if (statement == null) {
                statement = h.getConnection().prepareStatement(sql);
            }
            for (int k = 0; k < values.length; k++) {
                set(k + 1, values[k]);
            }
            statement.addBatch();
            size++;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private void set(int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof java.math.BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else {
            throw new IllegalArgumentException("a row value of type " + value.getClass().getSimpleName() + " in " + sql);
        }
    }

    int size() {
        return size;
    }

    /** Runs the rows added, if any; each row's update count. */
    int[] execute() {
        if (statement == null) {
            return new int[0];
        }
        try (PreparedStatement running = statement) {
            statement = null;
            size = 0;
            return running.executeBatch();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
