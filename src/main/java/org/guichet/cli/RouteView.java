package org.guichet.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guichet.parse.Attachment;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;
import org.guichet.route.Decision;
import org.guichet.route.MailCommand;
import org.guichet.route.Preview;

/** A dry run as SPEC section 9 shows it: the JSON object of {@code route --format json}, and its text form. */
final class RouteView {
    private RouteView() {
    }

    static Map<String, Object> of(String file, InboundMail mail, Preview preview) {
        Decision d = preview.decision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("from", mail.from().map(RouteView::address).orElse(null));
        m.put("to", mail.to().stream().map(MailAddress::address).toList());
        m.put("cc", mail.cc().stream().map(MailAddress::address).toList());
        m.put("subject", mail.subject());
        m.put("date", mail.date().map(TicketViews::iso).orElse(null));
        m.put("messageId", mail.messageId().orElse(null));
        m.put("text", preview.storedText());
        m.put("attachments", mail.attachments().stream().map(RouteView::attachment).toList());
        m.put("automatic", d.automatic().orElse(null));
        m.put("thread", d.thread().map(t -> Map.<String, Object>of("ticket", t.ticket(), "by", t.by().code())).orElse(null));
        m.put("category", d.category());
        m.put("subcategory", d.subcategory().orElse(null));
        m.put("service", d.service());
        m.put("priority", d.priority().code());
        m.put("reasons", d.reasons());
        m.put("commands", preview.commands().stream().map(RouteView::command).toList());
        m.put("problems", mail.problems());
        return m;
    }

    private static Map<String, Object> address(MailAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", a.address());
        m.put("name", a.name());
        return m;
    }

    private static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> m = TicketViews.attachment(a);
        m.put("inline", a.inline());
        return m;
    }

    private static Map<String, Object> command(MailCommand c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", c.line());
        m.put("name", c.name().word());
        m.put("args", c.args());
        m.put("allowed", c.allowed());
        m.put("why", c.why().orElse(null));
        return m;
    }

    @SuppressWarnings("unchecked")
    static void printText(PrintWriter out, Map<String, Object> v) {
        Map<String, Object> from = (Map<String, Object>) v.get("from");
        out.printf("%s%n", v.get("file"));
        out.printf("  From:      %s%n", from == null ? "(none)" : from.get("name") + " <" + from.get("address") + ">");
        out.printf("  Subject:   %s%n", v.get("subject"));
        out.printf("  Automatic: %s%n", v.get("automatic") == null ? "no" : v.get("automatic"));
        Map<String, Object> thread = (Map<String, Object>) v.get("thread");
        out.printf("  Thread:    %s%n", thread == null ? "new ticket" : "ticket #" + thread.get("ticket") + " by " + thread.get("by"));
        out.printf("  Category:  %s%s (service %s), priority %s%n", v.get("category"),
                v.get("subcategory") == null ? "" : "/" + v.get("subcategory"), v.get("service"), v.get("priority"));
        ((List<String>) v.get("reasons")).forEach(r -> out.printf("    - %s%n", r));
        for (Map<String, Object> c : (List<Map<String, Object>>) v.get("commands")) {
            out.printf("  Command:   %s  %s%n", c.get("line"), Boolean.TRUE.equals(c.get("allowed")) ? "(allowed)" : "(refused: " + c.get("why") + ")");
        }
        for (Map<String, Object> a : (List<Map<String, Object>>) v.get("attachments")) {
            out.printf("  Attachment: %s (%s, %s bytes)%n", a.get("name"), a.get("contentType"), a.get("size"));
        }
        ((List<String>) v.get("problems")).forEach(p -> out.printf("  Problem:   %s%n", p));
        out.printf("  Text:%n%s%n%n", indent(String.valueOf(v.get("text"))));
    }

    private static String indent(String text) {
        return text.strip().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("    (empty)");
    }
}
