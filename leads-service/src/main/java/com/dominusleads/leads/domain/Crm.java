package com.dominusleads.leads.domain;

import com.dominusleads.events.lead.LeadStageChanged;
import com.dominusleads.leads.persistence.ActivityStore;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.CrmStore;
import com.dominusleads.leads.persistence.NoteStore;
import com.dominusleads.leads.persistence.PipelineStore;
import com.dominusleads.servicekit.api.ApiException;
import com.dominusleads.servicekit.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Working a lead: moving it through a pipeline's stages (each move is {@code lead.stage-changed}, through the outbox),
 * owning and tagging it, notes and activities, and its timeline. Every change lands on the company's timeline with
 * who made it, in the same transaction.
 */
@ApplicationScoped
public class Crm {

    static final int MAX_TAGS = 20;
    /** What a hidden lead's timeline shows instead of a phone or an e-mail. */
    static final String HIDDEN = "(oculto até a cobrança)";
    private static final Set<String> ADDRESS_FIELDS = Set.of("recipient", "sender", "address");

    /** A change to a lead; null fields are left as they are ({@code owner} "" clears it). */
    public record Change(UUID pipelineId, String stage, String owner, List<String> tags) {
    }

    private final CrmStore leads;
    private final PipelineStore pipelines;
    private final NoteStore notes;
    private final ActivityStore activities;
    private final CompanyEvents timeline;
    private final OutboxWriter outbox;

    public Crm(CrmStore leads, PipelineStore pipelines, NoteStore notes, ActivityStore activities,
               CompanyEvents timeline, OutboxWriter outbox) {
        this.leads = leads;
        this.pipelines = pipelines;
        this.notes = notes;
        this.activities = activities;
        this.timeline = timeline;
        this.outbox = outbox;
    }

    public Uni<LeadDetail> detail(SqlClient client, String tenantId, UUID id) {
        return leads.find(client, tenantId, id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    public Uni<LeadDetail> change(SqlClient tx, String tenantId, UUID id, Change change, String by) {
        return leads.lock(tx, tenantId, id).map(found -> found.orElseThrow(() -> notFound(id))).chain(lead -> {
            UUID pipelineId = change.pipelineId() != null ? change.pipelineId() : lead.pipelineId();
            Uni<Pipeline> pipeline = pipelineId == null ? pipelines.defaultOf(tx, tenantId)
                    : pipelines.find(tx, tenantId, pipelineId).map(p -> p.orElseThrow(() -> new ApiException(400,
                            "unknown_pipeline", "Your workspace has no pipeline " + pipelineId + ".",
                            Map.of("field", "pipelineId"))));
            return pipeline.chain(target -> {
                boolean moved = !target.id().equals(lead.pipelineId());
                String stage = change.stage() != null ? change.stage().strip()
                        : moved || lead.stage() == null ? target.stages().get(0) : lead.stage();
                if (!target.stages().contains(stage)) {
                    throw new ApiException(400, "unknown_stage", "'" + stage + "' is not a stage of pipeline "
                            + target.name() + ": use one of " + String.join(", ", target.stages()) + ".",
                            Map.of("field", "stage", "stages", target.stages()));
                }
                String owner = change.owner() == null ? lead.owner() : change.owner().isBlank() ? null : change.owner().strip();
                List<String> tags = change.tags() == null ? lead.tags() : tags(change.tags());
                List<CompanyEvents.Event> events = new ArrayList<>();
                Map<String, Object> stageChange = new LinkedHashMap<>();
                stageChange.put("from", lead.stage());
                stageChange.put("to", stage);
                stageChange.put("pipeline", target.name());
                boolean stageChanged = !stage.equals(lead.stage()) || moved;
                if (stageChanged) {
                    events.add(new CompanyEvents.Event(lead.cnpj(), "STAGE_CHANGED", stageChange));
                }
                if (!Objects.equals(owner, lead.owner())) {
                    Map<String, Object> ownerChange = new LinkedHashMap<>();
                    ownerChange.put("from", lead.owner());
                    ownerChange.put("to", owner);
                    events.add(new CompanyEvents.Event(lead.cnpj(), "OWNER_CHANGED", ownerChange));
                }
                if (!tags.equals(lead.tags())) {
                    events.add(new CompanyEvents.Event(lead.cnpj(), "TAGS_CHANGED", Map.of("tags", tags)));
                }
                Uni<Void> published = !stageChanged ? Uni.createFrom().voidItem()
                        : outbox.append(tx, LeadStageChanged.newBuilder().setTenantId(tenantId)
                                .setLeadId(id.toString()).setFromStage(lead.stage()).setToStage(stage)
                                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build()).replaceWithVoid();
                return leads.update(tx, tenantId, id, target.id(), stage, owner, tags)
                        .chain(() -> timeline.appendAll(tx, tenantId, by, events))
                        .chain(() -> published)
                        .chain(() -> detail(tx, tenantId, id));
            });
        });
    }

    public Uni<Note> addNote(SqlClient tx, String tenantId, UUID id, String text, String by) {
        return detail(tx, tenantId, id).chain(lead -> notes.add(tx, tenantId, id, by, text.strip())
                .call(note -> timeline.append(tx, tenantId, by, lead.cnpj(), "NOTE_ADDED",
                        Map.of("noteId", note.id().toString(), "text", note.text()))));
    }

    public Uni<Activity> addActivity(SqlClient tx, String tenantId, UUID id, String kind, String title, Instant dueAt,
                                     String by) {
        return detail(tx, tenantId, id).chain(lead -> activities.add(tx, tenantId, id, kind, title.strip(), dueAt, by)
                .call(activity -> timeline.append(tx, tenantId, by, lead.cnpj(), "ACTIVITY_ADDED",
                        activityData(activity))));
    }

    public Uni<Activity> activityDone(SqlClient tx, String tenantId, UUID id, UUID activityId, String by) {
        return detail(tx, tenantId, id).chain(lead -> activities.done(tx, tenantId, id, activityId)
                .map(done -> done.orElseThrow(() -> ApiException.notFound("activity_not_found",
                        "Lead " + id + " has no activity " + activityId + ".")))
                .call(activity -> timeline.append(tx, tenantId, by, lead.cnpj(), "ACTIVITY_DONE",
                        activityData(activity))));
    }

    /**
     * Everything that happened to the lead's company, oldest first. While its contacts are hidden, so are the
     * addresses messages went to or came from.
     */
    public Uni<List<CompanyEvents.Entry>> timeline(SqlClient client, String tenantId, UUID id) {
        return detail(client, tenantId, id).chain(lead -> timeline.of(client, tenantId, lead.cnpj())
                .map(entries -> lead.contactsHidden() ? entries.stream().map(Crm::masked).toList() : entries));
    }

    private static CompanyEvents.Entry masked(CompanyEvents.Entry entry) {
        Map<String, Object> data = new LinkedHashMap<>(entry.data());
        ADDRESS_FIELDS.forEach(field -> data.computeIfPresent(field, (key, value) -> HIDDEN));
        return new CompanyEvents.Entry(entry.kind(), entry.at(), entry.actor(), data);
    }

    private static Map<String, Object> activityData(Activity activity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activityId", activity.id().toString());
        data.put("kind", activity.kind());
        data.put("title", activity.title());
        data.put("dueAt", activity.dueAt() == null ? null : activity.dueAt().toString());
        return data;
    }

    private static List<String> tags(List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        given.stream().filter(Objects::nonNull).map(String::strip).filter(tag -> !tag.isEmpty()).forEach(tags::add);
        if (tags.size() > MAX_TAGS) {
            throw new ApiException(400, "too_many_tags", "A lead has at most " + MAX_TAGS + " tags.",
                    Map.of("field", "tags"));
        }
        return List.copyOf(tags);
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound("lead_not_found", "No lead " + id + " in your workspace: check the id in your"
                + " leads list.");
    }
}
