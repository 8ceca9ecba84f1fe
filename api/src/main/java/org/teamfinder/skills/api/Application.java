package org.teamfinder.skills.api;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Contact;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.config.AuthSettings;
import org.teamfinder.skills.api.config.DevTokens;
import org.teamfinder.skills.api.config.InvalidConfiguration;
import org.teamfinder.skills.api.config.ServiceSettings;
import org.teamfinder.skills.api.config.StartupFailure;
import org.teamfinder.skills.api.vocabulary.VocabularyCommand;

/**
 * Starts the skills service, or with the argument {@code migrate} only brings the database schema up to
 * date and exits (no HTTP server), for deployments that migrate as a separate step, with {@code vocabulary}
 * loads a vocabulary into the catalogue (see VocabularyCommand), or with {@code token} prints a development
 * token.
 */
@OpenAPIDefinition(
        info = @Info(title = "Team Finder skills API", version = "1",
                description = "The catalogue of skills that Team Finder matches people by. Reading is public; every write needs a "
                        + "bearer token (a JWT) whose scope claim holds skills:write. Errors are RFC 9457 problem+json; every response "
                        + "carries X-Request-Id.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                contact = @Contact(name = "Team Finder skills service maintainers")),
        servers = @Server(url = "/", description = "Where this document is served from"),
        tags = {
                @Tag(name = "skills", description = "The catalogue of skills: reading, writing, aliases, merges, the typeahead"),
                @Tag(name = "imports", description = "Filling the catalogue from web pages (job postings, team profiles, project pages)")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT signed with the service's key (JWT_SECRET) or by the identity provider of JWT_JWKS_URL, whose "
                + "space-separated scope claim holds skills:write. `skills-api token` mints one for development.")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            System.exit(printToken(Arrays.copyOfRange(args, 1, args.length)) ? 0 : 1);
        }
        if (args.length > 0 && args[0].equals("vocabulary")) {
            System.exit(new VocabularyCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)) ? 0 : 1);
        }
        boolean migrateOnly = args.length > 0 && args[0].equals("migrate");
        try {
            ServiceSettings settings = ServiceSettings.load();
            if (!migrateOnly) {
                settings.auth().requireKey();
            }
        } catch (InvalidConfiguration e) {
            fail(e);
        }
        if (migrateOnly) {
            // Exit explicitly: a command is done when its work is, whatever threads libraries left behind.
            System.exit(migrate(Arrays.copyOfRange(args, 1, args.length)) ? 0 : 1);
        }
        serve(args);
    }

    /**
     * Starts the context and the HTTP server. On SIGTERM the context stops: Micronaut's graceful shutdown
     * turns readiness DOWN, closes the listening socket, lets requests in flight finish (at most
     * SHUTDOWN_GRACE_PERIOD_SECONDS) while the import runner hands its pages back, and only then are beans
     * destroyed, the database pool last. Netty's threads keep the JVM running after main returns.
     */
    private static void serve(String... args) {
        long started = System.nanoTime();
        ApplicationContext context = null;
        try {
            context = Micronaut.build(args).mainClass(Application.class).banner(false).build().start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            LoggerFactory.getLogger(Application.class).info("Startup completed in {} ms. Server running: {}",
                    (System.nanoTime() - started) / 1_000_000, server.getURL());
        } catch (RuntimeException e) {
            if (context != null && context.isRunning()) {
                context.close();
            }
            fail(e);
        }
        ApplicationContext running = context;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.stop();
            // Last: writes out what the logs still buffer (the access log's last lines).
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
        }, "graceful-shutdown"));
    }

    /**
     * Prints a development token signed with JWT_SECRET: {@code token [scope] [minutes]}, by default
     * {@value AuthSettings#WRITE_SCOPE} for 60 minutes.
     */
    static boolean printToken(String... args) {
        try {
            ServiceSettings settings = ServiceSettings.load();
            String secret = settings.auth().secret().orElseThrow(() -> new InvalidConfiguration(
                    "Set JWT_SECRET (the service's signing secret, at least 32 characters) to mint a development token."));
            String scope = args.length > 0 ? args[0] : AuthSettings.WRITE_SCOPE;
            int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
            if (minutes < 1 || minutes > 24 * 60) {
                throw new InvalidConfiguration("A development token lives 1 to 1440 minutes, not " + minutes + ".");
            }
            System.out.println(DevTokens.mint(secret, "developer", scope, Duration.ofMinutes(minutes)));
            return true;
        } catch (InvalidConfiguration e) {
            System.err.println("skills: " + e.getMessage());
            return false;
        } catch (NumberFormatException e) {
            System.err.println("skills: usage: token [scope] [minutes]");
            return false;
        }
    }

    /** Runs the Flyway migrations through micronaut-flyway in a context that starts no server. */
    static boolean migrate(String... args) {
        try (ApplicationContext ignored = ApplicationContext.builder(Application.class)
                .args(args)
                .properties(Map.of(
                        "flyway.datasources.default.enabled", true,
                        "micronaut.health.monitor.enabled", false,
                        "skills.idempotency.cleanup.enabled", false,
                        "skills.imports.runner-enabled", false))
                .start()) {
            System.out.println("skills: the database schema is up to date.");
            return true;
        } catch (RuntimeException e) {
            System.err.println("skills: migrating the database failed: " + StartupFailure.describe(e));
            return false;
        }
    }

    private static void fail(RuntimeException failure) {
        System.err.println("skills: " + StartupFailure.describe(failure));
        System.exit(1);
    }
}
