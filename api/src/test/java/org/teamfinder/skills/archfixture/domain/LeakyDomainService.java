package org.teamfinder.skills.archfixture.domain;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks "domain does no IO": it talks JDBC (which is part of the JDK, so only that rule catches it). */
public class LeakyDomainService {
    public boolean isOpen(Connection connection) throws SQLException {
        return !connection.isClosed();
    }
}
