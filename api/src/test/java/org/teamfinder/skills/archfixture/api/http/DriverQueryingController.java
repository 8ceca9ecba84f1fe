package org.teamfinder.skills.archfixture.api.http;

import io.r2dbc.spi.ConnectionFactory;

/** Breaks "the HTTP adapter does not touch the database": a controller going around the use cases to the driver. */
public class DriverQueryingController {
    public Object query(ConnectionFactory database) {
        return database.create();
    }
}
