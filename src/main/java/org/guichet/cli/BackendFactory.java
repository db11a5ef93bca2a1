package org.guichet.cli;

import java.nio.file.Path;
import org.guichet.config.ConfigLoader;
import org.guichet.ops.Restore;

/** Opens the services for a config file; a bad config is refused with a {@code ConfigException}. */
@FunctionalInterface
public interface BackendFactory {
    Backend open(Path configFile);

    /**
     * {@code guichet restore}: only where the config keeps the database and the files, without opening the
     * database (which would create an empty one where the backup goes). The backend is opened after it.
     */
    default Restore restore(Path configFile) {
        return new Restore(new ConfigLoader().load(configFile).storage());
    }
}
