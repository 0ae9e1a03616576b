package dev.tend.systemtests.hostile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A row count and content hash per query: equal snapshots mean the rows they select did not change. */
public final class DataSnapshot {

    private DataSnapshot() {
    }

    public static Map<String, String> take(String jdbcUrl, String user, String password, List<String> queries) {
        Map<String, String> snapshot = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            for (String query : queries) {
                try (PreparedStatement statement = db.prepareStatement(
                        "SELECT count(*) || ' rows, ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM ("
                                + query + ") t");
                     ResultSet row = statement.executeQuery()) {
                    row.next();
                    snapshot.put(query, row.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not snapshot " + jdbcUrl, e);
        }
        return snapshot;
    }
}
