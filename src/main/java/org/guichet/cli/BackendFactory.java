package org.guichet.cli;

import java.nio.file.Path;

/** Opens the services for a config file; a bad config is refused with a {@code ConfigException}. */
@FunctionalInterface
public interface BackendFactory {
    Backend open(Path configFile);
}
