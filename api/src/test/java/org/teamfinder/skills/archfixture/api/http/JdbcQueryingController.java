package org.teamfinder.skills.archfixture.api.http;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks "the api does not use JDBC": a controller with a database connection of its own. */
public class JdbcQueryingController {

    public boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
