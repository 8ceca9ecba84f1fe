package org.teamfinder.skills.archfixture.domain;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks "domain depends only on the JDK" and "domain does no IO": it talks JDBC. */
public class LeakyDomainService {
    public boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
