package org.teamfinder.skills.persistence.database;

import java.nio.file.Path;
import java.util.function.Function;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvException;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Points every Micronaut context that has this module at the database the variables name (see
 * {@link DatabaseSettings}): the default R2DBC and Flyway data sources, read from the process environment
 * over {@code ./.env}. The properties rank below the application's own configuration files, so a service
 * that configures {@code r2dbc.datasources.default.*} itself, or a Micronaut property set directly (such as
 * R2DBC_DATASOURCES_DEFAULT_URL), keeps its own.
 */
@ContextConfigurer
public final class DatabaseConfigurer implements ApplicationContextConfigurer {

    /** Below application.yml (-300), so that what an application configures itself wins. */
    static final int POSITION = -350;

    /** The variables as the service sees them: the real environment, else a {@code .env} file in the working directory. */
    static Function<String, String> variables() {
        try {
            return Dotenv.configure().ignoreIfMissing().load()::get;
        } catch (DotenvException e) {
            throw new ConfigurationException("Cannot read .env in " + Path.of("").toAbsolutePath() + ": " + e.getMessage());
        }
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        DatabaseSettings settings = DatabaseSettings.from(variables());
        // Reactor Netty's event loops, which the driver runs on, are sized once per JVM before first use.
        if (System.getProperty("reactor.netty.ioWorkerCount") == null) {
            System.setProperty("reactor.netty.ioWorkerCount", Integer.toString(settings.driverThreads()));
        }
        builder.propertySources(PropertySource.of("skills-database", settings.micronautProperties(), POSITION));
    }
}
