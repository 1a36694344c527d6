package io.rightsize.producer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Monitor-producer settings, overridable by environment (RIGHTSIZE_PRODUCER_...). */
@ConfigMapping(prefix = "rightsize.producer")
public interface ProducerConfig {

    /** Host name this instance samples for; the machine's own by default. */
    Optional<String> host();

    /** Time between two samples of a task. */
    @WithDefault("1s")
    Duration interval();
}
