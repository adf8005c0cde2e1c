package com.dominusleads.messaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** What a tenant gets until its settings (tenant.settings-changed) say otherwise, and the outreach timings. */
@ConfigMapping(prefix = "dominus.messaging.outreach")
public interface MessagingDefaults {

    /** Outreach windows; outside them are the quiet hours (see SendingHours). */
    @WithDefault("MON-FRI 08:00-20:00")
    String sendingHours();

    @WithDefault("America/Sao_Paulo")
    ZoneId timeZone();

    /** A tenant's sends per second across all its channels. */
    @WithDefault("20")
    int tenantPerSecond();

    /** Words and phrases that opt a contact out, on top of the tenant's own; how a reply matches: OptOutWords. */
    @WithDefault("PARE,PARAR,PARA DE,SAIR,STOP,CANCELAR,REMOVER,REMOVA,ME TIRA,ME TIRE,DESCADASTRAR,DESCADASTRE,"
            + "NÃO QUERO,NÃO ME MANDE,NÃO MANDE,NÃO ME ENVIE,NÃO ENVIE,UNSUBSCRIBE")
    List<String> optOutWords();

    /** A message sent but not delivered within this time makes the conversation try its next channel. */
    @WithDefault("PT24H")
    Duration deliveryTimeout();

    /** Off only for benchmarks that measure the sending path itself: per-number and per-tenant pacing. */
    @WithDefault("true")
    boolean limitsEnabled();
}
