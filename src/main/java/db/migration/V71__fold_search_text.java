package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.guichet.store.SearchText;

/**
 * Fills the search columns of V70 for the tickets and messages written before them, folding in Java exactly as
 * the program does for new rows: SQL has no portable way to drop accents.
 */
public class V71__fold_search_text extends BaseJavaMigration {
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        fill(c, "SELECT id, subject FROM ticket WHERE search_text IS NULL", "UPDATE ticket SET search_text = ? WHERE id = ?",
                false);
        fill(c, "SELECT id, subject, body_text FROM message WHERE search_text IS NULL",
                "UPDATE message SET search_text = ? WHERE id = ?", true);
    }

    private static void fill(Connection c, String select, String update, boolean withBody) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(select); ResultSet rs = read.executeQuery();
             PreparedStatement write = c.prepareStatement(update)) {
            int pending = 0;
            while (rs.next()) {
                String text = withBody ? SearchText.of(rs.getString(2), rs.getString(3)) : SearchText.of(rs.getString(2));
                write.setString(1, text);
                write.setLong(2, rs.getLong(1));
                write.addBatch();
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
