package org.guichet.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads {@code guichet.yml} into a {@link GuichetConfig}, refusing anything it does not understand with a
 * {@link ConfigException} that names the file, line and key. It composes YAML nodes rather than loading plain maps,
 * because only nodes remember their line.
 */
public final class ConfigLoader {

    static final List<String> ROOT_KEYS = List.of("helpdesk", "mail", "imap", "smtp", "storage", "tickets", "limits",
            "security", "sla", "services", "categories", "default-category", "logging", "http", "oauth2", "mailboxes");

    /** Reads the file, taking {@code ${env:NAME}} references from the process environment. */
    public GuichetConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " not found", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException("config file " + file + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + " (" + e.getClass().getSimpleName()
                    + "); check that it is a readable file", e);
        }
        return load(text, file.toString(), name -> Optional.ofNullable(System.getenv(name)));
    }

    /**
     * Reads YAML text as if it came from the file {@code sourceName}: messages name it, and relative
     * {@code ${file:PATH}} references start from its directory.
     */
    public GuichetConfig load(String yamlText, String sourceName, Function<String, Optional<String>> env) {
        ConfigSource source = new ConfigSource(sourceName, ConfigSource.directoryOf(sourceName), env);
        Optional<Node> document = compose(yamlText, source);
        int line = document.map(YamlMap::lineOf).orElse(1);
        return read(new YamlMap(source, "", line, document.orElse(null), ROOT_KEYS),
                ConfigSource.directoryOf(sourceName));
    }

    private static Optional<Node> compose(String yamlText, ConfigSource source) {
        LoadSettings settings = LoadSettings.builder().setLabel(source.name()).setSchema(new CoreSchema()).build();
        try {
            return new Compose(settings).composeString(yamlText);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(Mark::getLine).orElse(0) + 1;
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            throw new ConfigException(source.name() + " line " + line + ": the YAML syntax is wrong (" + problem
                    + "); correct it there", line, null, e);
        } catch (YamlEngineException e) {
            throw new ConfigException(source.name() + " is not readable YAML (" + e.getMessage() + "); correct it", e);
        }
    }

    private static GuichetConfig read(YamlMap root, java.nio.file.Path baseDir) {
        MailSettings mail = SectionReader.mail(root);
        AccessReader access = new AccessReader(root, baseDir);
        MailboxReader mailboxReader = new MailboxReader(root, mail, access);
        Helpdesk helpdesk = SectionReader.helpdesk(root, mailboxReader.firstAddress());
        Smtp smtp = SectionReader.smtp(root, mail, access);
        Storage storage = SectionReader.storage(root);
        Tickets tickets = SectionReader.tickets(root);
        Limits limits = SectionReader.limits(root);
        Security security = SectionReader.security(root, mail);
        CatalogReader catalog = new CatalogReader(root);
        List<Service> services = catalog.services();
        List<Category> categories = catalog.categories();
        Sla sla = SlaReader.sla(root, SlaReader.zone(root), services);
        List<MailboxSettings> mailboxes = mailboxReader.mailboxes(helpdesk, categories);
        Imap imap = mailboxes.get(0).imap();
        boolean oauth2 = smtp.access().usesOAuth2() || mailboxes.stream().anyMatch(m -> m.imap().access().usesOAuth2()
                || m.smtp().map(s -> s.access().usesOAuth2()).orElse(false));
        if (!oauth2 && root.has("oauth2")) {
            root.map("oauth2", AccessReader.OAUTH2_KEYS); // its keys are checked all the same
        }
        return new GuichetConfig(helpdesk, mail, imap, smtp, storage, tickets, limits, security, services,
                categories, catalog.defaultCategory(categories), SectionReader.observability(root), sla, mailboxes);
    }
}
