package com.dominusleads.leads.domain;

import com.dominusleads.leads.persistence.PlaybookStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/** The playbook a tenant's replies are classified with: its own once saved, else the Portuguese defaults. */
@ApplicationScoped
public class Playbooks {

    private final PlaybookStore store;
    private final DefaultPlaybook defaults;

    public Playbooks(PlaybookStore store, DefaultPlaybook defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    public Uni<Playbook> of(SqlClient client, String tenantId) {
        return store.of(client, tenantId).map(own -> own.orElse(defaults.get()));
    }

    public Uni<ReplyClassifier> classifier(SqlClient client, String tenantId) {
        return of(client, tenantId).map(ReplyClassifier::new);
    }
}
