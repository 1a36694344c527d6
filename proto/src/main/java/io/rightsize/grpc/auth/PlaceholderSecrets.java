package io.rightsize.grpc.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stops a service at start when a credential it reads (the API token, the database password) is still the
 * placeholder committed in kubernetes/base/app/secret.yaml, so a deployment with unreplaced Secrets fails loudly
 * instead of serving with a password published in the repository. Local runs and tests never use the placeholder.
 */
@ApplicationScoped
public class PlaceholderSecrets {

    /** What the committed placeholders contain ({@code REPLACE-ME-before-deploying}); no real secret does. */
    public static final String MARKER = "REPLACE-ME";
    /** The credentials checked, as properties; the message names their environment variables, as Secrets set them. */
    static final List<String> PROPERTIES = List.of("rightsize.api.token", "quarkus.datasource.password");

    void refuseOnStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        check(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    public static boolean isPlaceholder(String value) {
        return value != null && value.toUpperCase(Locale.ROOT).contains(MARKER);
    }

    /** Throws, naming every credential that is still a placeholder and where to set it. */
    static void check(Function<String, Optional<String>> config) {
        List<String> placeholders = PROPERTIES.stream()
                .filter(property -> config.apply(property).filter(PlaceholderSecrets::isPlaceholder).isPresent())
                .map(property -> property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)
                        + " (" + property + ")")
                .toList();
        if (!placeholders.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join(", ", placeholders)
                    + " still holds the placeholder " + MARKER + "... from kubernetes/base/app/secret.yaml; put real"
                    + " values in the Secrets rightsize-db and rightsize-api before deploying (see kubernetes/README.md)");
        }
    }
}
