package org.teamfinder.skills.persistence.database;

import java.time.Duration;

import io.micronaut.context.event.BeanPreDestroyEvent;
import io.micronaut.context.event.BeanPreDestroyEventListener;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the connection pool when its context stops: the last step of a graceful shutdown, after requests
 * in flight have finished (Micronaut destroys beans only after its graceful-shutdown phase). The R2DBC
 * integration of this Micronaut line leaves pools open.
 */
@Singleton
final class PoolShutdown implements BeanPreDestroyEventListener<ConnectionFactory> {

    private static final Logger LOG = LoggerFactory.getLogger(PoolShutdown.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Override
    public ConnectionFactory onPreDestroy(BeanPreDestroyEvent<ConnectionFactory> event) {
        if (event.getBean() instanceof ConnectionPool pool && !pool.isDisposed()) {
            try {
                pool.disposeLater().block(PATIENCE);
                LOG.info("Shutting down: database pool closed");
            } catch (RuntimeException e) {
                LOG.warn("Shutting down: the database pool did not close within {} s: {}", PATIENCE.toSeconds(), e.getMessage());
            }
        }
        return event.getBean();
    }
}
