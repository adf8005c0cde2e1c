package com.dominusleads.messaging.domain;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Renders outreach with the tenant's templates (Qute, e.g. {@code Olá, {company.name}!}), or the defaults below. The
 * engine is standalone: a tenant's template sees the data it is given ({@code company}, {@code sender}) and nothing of
 * the service (no config, no beans). A template that does not render falls back to the default, with a warning.
 */
@ApplicationScoped
public class MessageTemplates {

    /** What a template renders: the company contacted and the tenant's name for itself. */
    public record Company(String name, String cnpj) {
    }

    /** Template names, as in the setting keys {@code messaging.template.<name>}. */
    public static final String WHATSAPP = "whatsapp";
    public static final String SMS = "sms";
    public static final String EMAIL_SUBJECT = "email-subject";
    public static final String EMAIL_BODY = "email-body";
    public static final String OPT_OUT_CONFIRMATION = "opt-out-confirmation";

    static final Map<String, String> DEFAULTS = Map.of(
            WHATSAPP, "Olá, {company.name}! Aqui é {sender}. Temos uma proposta para empresas como a sua."
                    + " Podemos conversar? Se não quiser receber mensagens, responda PARE.",
            SMS, "{sender}: Olá, {company.name}! Temos uma proposta para sua empresa. Podemos falar?"
                    + " Responda PARE para não receber mais.",
            EMAIL_SUBJECT, "{company.name}: uma proposta de {sender}",
            EMAIL_BODY, "Olá, equipe da {company.name},\n\nSomos da {sender} e temos uma proposta para empresas como"
                    + " a sua. Podemos conversar? Basta responder a este e-mail.\n\nSe não quiser receber nossas"
                    + " mensagens, responda PARE.\n\n{sender}",
            OPT_OUT_CONFIRMATION, "Pronto: você não receberá mais mensagens de {sender}.");

    static final String DEFAULT_SENDER = "nossa equipe";

    private static final Logger LOG = Logger.getLogger(MessageTemplates.class);

    private final Engine engine = Engine.builder().addDefaults().build();
    private final Map<String, Template> parsed = new ConcurrentHashMap<>();

    public String render(String name, TenantSettings settings, Company company) {
        String sender = settings.senderName() == null || settings.senderName().isBlank() ? DEFAULT_SENDER
                : settings.senderName();
        // Maps, not the record: the standalone engine resolves map keys without reflection.
        Map<String, Object> data = Map.of("company", Map.of("name", company.name(), "cnpj", company.cnpj()),
                "sender", sender);
        String custom = settings.templates().get(name);
        if (custom != null) {
            try {
                return template(custom).data(data).render().strip();
            } catch (TemplateException e) {
                LOG.warnf("Template %s does not render (%s); using the default", name, e.getMessage());
            }
        }
        return template(DEFAULTS.get(name)).data(data).render().strip();
    }

    private io.quarkus.qute.TemplateInstance template(String source) {
        return parsed.computeIfAbsent(source, engine::parse).instance();
    }
}
