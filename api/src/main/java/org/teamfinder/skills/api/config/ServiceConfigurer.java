package org.teamfinder.skills.api.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;

/**
 * Turns the service's environment variables (see {@link ServiceSettings}) into Micronaut properties for every
 * context the application starts. They rank above application.yml and below Micronaut's own environment
 * variables and system properties, so e.g. MICRONAUT_SERVER_PORT still overrides PORT.
 */
@ContextConfigurer
public final class ServiceConfigurer implements ApplicationContextConfigurer {

    static final int POSITION = EnvironmentPropertySource.POSITION - 50;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("service-environment", ServiceSettings.load().micronautProperties(), POSITION));
    }
}
