package org.guichet.parse;

import jakarta.mail.Session;
import java.util.Map;
import java.util.Properties;

/**
 * The one place where Jakarta Mail is made lenient, so that bad mail is read as well as it can be.
 *
 * <p>Jakarta Mail 2.1 / Angus Mail 2.0 read only {@code mail.mime.address.strict} and {@code mail.mime.allowutf8}
 * from the Session (in {@code MimeMessage}). Every other setting below is read from System properties only, most of
 * them once per JVM, in the static initialisers of {@code MimeUtility}, {@code MimeBodyPart} and
 * {@code ParameterList}, others per object in {@code MimeMultipart}, {@code BASE64DecoderStream} and
 * {@code UUDecoderStream} (checked in the Angus Mail 2.0.5 and Jakarta Mail API 2.1.5 bytecode). They are therefore
 * set here, in this class's static initialiser, which {@link #apply()} triggers. Because they are read once, they
 * only take hold if applied before any Jakarta Mail class is first used: {@link MailParser}'s static initialiser
 * applies them, and the composition root should call {@link #apply()} first thing at start-up, before intake or
 * notify touch Jakarta Mail. A value already given on the command line ({@code -Dmail.mime...}) is kept.
 *
 * <p>{@code mail.mime.allowutf8} is deliberately false: when true, Jakarta Mail decodes raw 8-bit header bytes as
 * UTF-8 and replaces the invalid ones with U+FFFD, losing windows-1252 text. When false it keeps one char per byte,
 * and {@link HeaderText#repairEightBit} reads them as UTF-8 when valid, else as windows-1252. It only governs how
 * headers are read and written; 8-bit and UTF-8 bodies are unaffected.
 */
public final class MimeSettings {

    private static final Map<String, String> SESSION_ONLY = Map.of(
            "mail.mime.address.strict", "false",
            "mail.mime.allowutf8", "false");

    private static final Map<String, String> SYSTEM_ONLY = Map.ofEntries(
            Map.entry("mail.mime.decodetext.strict", "false"),
            Map.entry("mail.mime.decodefilename", "true"),
            Map.entry("mail.mime.decodeparameters", "true"),
            Map.entry("mail.mime.parameters.strict", "false"),
            Map.entry("mail.mime.base64.ignoreerrors", "true"),
            Map.entry("mail.mime.uudecode.ignoreerrors", "true"),
            Map.entry("mail.mime.multipart.ignoremissingendboundary", "true"),
            Map.entry("mail.mime.multipart.ignoremissingboundaryparameter", "true"),
            Map.entry("mail.mime.multipart.allowempty", "true"),
            Map.entry("mail.mime.ignoreunknownencoding", "true"),
            Map.entry("mail.mime.allowutf8", "false"),
            // Not a leniency: Jakarta Mail looks up its StreamProvider for every header block and body part it makes
            // (InternetHeaders.load, BodyPart's constructor), with a ServiceLoader that reads the class path's jars
            // each time: about 6 % of intake's CPU in the bench's profile. Named here, it is made directly.
            Map.entry("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider"));

    static {
        SYSTEM_ONLY.forEach(System.getProperties()::putIfAbsent);
    }

    private MimeSettings() {
    }

    /** Applies the System-wide settings; calling it more than once is harmless. */
    public static void apply() {
        // The work is done by the static initialiser, which the JVM runs exactly once, on this first call.
    }

    /** A new Session carrying the lenient settings; calling it first also applies the System-wide ones. */
    static Session lenientSession() {
        Properties properties = new Properties();
        properties.putAll(SESSION_ONLY);
        properties.putAll(SYSTEM_ONLY);
        return Session.getInstance(properties);
    }
}
