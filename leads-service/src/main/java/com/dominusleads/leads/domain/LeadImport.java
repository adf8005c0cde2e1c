package com.dominusleads.leads.domain;

import com.dominusleads.events.Cnpj;
import com.dominusleads.leads.persistence.CompanyEvents;
import com.dominusleads.leads.persistence.LeadStore;
import com.dominusleads.leads.persistence.PipelineStore;
import com.dominusleads.servicekit.api.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Leads a tenant already has, imported from a CSV with its own column names ({@code mapping}: field → column).
 * Every row is checked, and each problem is reported with its row and column; the rows without problems are imported
 * (unless it is a dry run), the others are not. Imported leads are the tenant's own: NOT_BILLED, no credit, contacts
 * visible, in the default pipeline.
 */
@ApplicationScoped
public class LeadImport {

    /** The fields a mapping may name; {@code cnpj} is required. */
    public static final List<String> FIELDS = List.of("cnpj", "companyName", "phone", "email", "owner", "stage", "tags");
    static final int MAX_ROWS = 5_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[|/,;]");

    /** A problem in a row: its line in the file (the header is line 1), the column, and what is wrong. */
    public record RowError(int line, String column, String code, String message) {
    }

    /** {@code imported}: leads created, or in a dry run those that would be. */
    public record Result(UUID importId, int rows, int imported, boolean dryRun, List<RowError> errors) {
    }

    /** A row that passed every check. */
    public record Imported(int line, Cnpj cnpj, String name, List<SelectionPicker.Contact> contacts, String owner,
                           String stage, List<String> tags) {
    }

    private final LeadStore leads;
    private final PipelineStore pipelines;
    private final CompanyEvents timeline;

    public LeadImport(LeadStore leads, PipelineStore pipelines, CompanyEvents timeline) {
        this.leads = leads;
        this.pipelines = pipelines;
        this.timeline = timeline;
    }

    public Uni<Result> run(SqlClient tx, String tenantId, String csv, Map<String, String> mapping, boolean dryRun,
                           String by) {
        Map<String, Integer> columns = columns(csv, mapping);
        List<List<String>> records = Csv.parse(csv, Csv.delimiterOf(csv));
        if (records.size() - 1 > MAX_ROWS) {
            throw new ApiException(400, "too_many_rows", "At most " + MAX_ROWS + " rows per import; split the file.",
                    Map.of("rows", records.size() - 1));
        }
        UUID importId = UUID.randomUUID();
        return pipelines.defaultOf(tx, tenantId).chain(pipeline -> {
            List<RowError> errors = new ArrayList<>();
            List<Imported> valid = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < records.size(); i++) {
                check(i + 1, records.get(i), columns, mapping, pipeline, seen, errors).ifPresent(valid::add);
            }
            List<String> cnpjs = valid.stream().map(row -> row.cnpj().value()).toList();
            return leads.findByCompanies(tx, tenantId, cnpjs).chain(existing -> {
                Set<String> known = new HashSet<>();
                existing.forEach(lead -> known.add(lead.cnpj()));
                List<Imported> fresh = new ArrayList<>();
                for (Imported row : valid) {
                    if (known.contains(row.cnpj().value())) {
                        errors.add(new RowError(row.line(), mapping.get("cnpj"), "already_a_lead", "CNPJ "
                                + row.cnpj().value() + " is already one of your leads."));
                    } else {
                        fresh.add(row);
                    }
                }
                errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
                if (dryRun || fresh.isEmpty()) {
                    // A dry run says how many would be imported.
                    return Uni.createFrom().item(new Result(importId, records.size() - 1, dryRun ? fresh.size() : 0,
                            dryRun, errors));
                }
                return leads.insertImported(tx, tenantId, importId, fresh, pipeline)
                        .call(() -> timeline.appendAll(tx, tenantId, by, fresh.stream().map(row -> new CompanyEvents.Event(
                                row.cnpj().value(), "IMPORTED", Map.of("importId", importId.toString()))).toList()))
                        .map(inserted -> new Result(importId, records.size() - 1, inserted, false, errors));
            });
        });
    }

    /** The mapped columns' positions in the header; a 400 for an unknown field, a missing CNPJ or a missing column. */
    private static Map<String, Integer> columns(String csv, Map<String, String> mapping) {
        for (String field : mapping.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new ApiException(400, "unknown_field", "'" + field + "' is not a lead field: map columns to "
                        + String.join(", ", FIELDS) + ".", Map.of("field", "mapping"));
            }
        }
        if (mapping.get("cnpj") == null || mapping.get("cnpj").isBlank()) {
            throw new ApiException(400, "missing_cnpj_column", "Say which column holds the CNPJ: mapping.cnpj.",
                    Map.of("field", "mapping"));
        }
        List<List<String>> records = Csv.parse(csv, Csv.delimiterOf(csv));
        if (records.isEmpty()) {
            throw new ApiException(400, "empty_csv", "The CSV is empty: its first line names the columns.",
                    Map.of("field", "csv"));
        }
        List<String> header = records.get(0).stream().map(name -> name.strip().replace("\uFEFF", "")
                .toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> columns = new HashMap<>();
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            int index = header.indexOf(entry.getValue().strip().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new ApiException(400, "unknown_column", "The CSV has no column '" + entry.getValue()
                        + "'; its columns are " + String.join(", ", records.get(0)) + ".",
                        Map.of("field", "mapping", "column", entry.getValue()));
            }
            columns.put(entry.getKey(), index);
        }
        return columns;
    }

    private static java.util.Optional<Imported> check(int line, List<String> record, Map<String, Integer> columns,
                                                      Map<String, String> mapping, Pipeline pipeline, Set<String> seen,
                                                      List<RowError> errors) {
        int before = errors.size();
        String cnpjText = value(record, columns.get("cnpj"));
        Cnpj cnpj = null;
        if (cnpjText.isEmpty()) {
            errors.add(new RowError(line, mapping.get("cnpj"), "missing_cnpj", "The CNPJ is empty."));
        } else {
            cnpj = Cnpj.parse(cnpjText).orElse(null);
            if (cnpj == null) {
                errors.add(new RowError(line, mapping.get("cnpj"), "invalid_cnpj", "'" + cnpjText
                        + "' is not a valid CNPJ: " + Cnpj.problemWith(cnpjText) + "."));
            } else if (!seen.add(cnpj.value())) {
                errors.add(new RowError(line, mapping.get("cnpj"), "duplicate_in_file", "CNPJ " + cnpj.value()
                        + " appears on an earlier line."));
            }
        }
        List<SelectionPicker.Contact> contacts = new ArrayList<>();
        for (String phone : list(value(record, columns.get("phone")))) {
            SelectionPicker.Contact contact = phone(phone);
            if (contact == null) {
                errors.add(new RowError(line, mapping.get("phone"), "invalid_phone", "'" + phone + "' is not a"
                        + " Brazilian phone with its DDD, such as (11) 98765-4321."));
            } else if (contacts.stream().noneMatch(c -> c.address().equals(contact.address()))) {
                contacts.add(contact);
            }
        }
        for (String email : list(value(record, columns.get("email")))) {
            if (!EMAIL.matcher(email).matches()) {
                errors.add(new RowError(line, mapping.get("email"), "invalid_email", "'" + email
                        + "' is not an e-mail address."));
            } else {
                contacts.add(new SelectionPicker.Contact(email.toLowerCase(Locale.ROOT), "EMAIL"));
            }
        }
        String stage = value(record, columns.get("stage"));
        if (!stage.isEmpty() && !pipeline.stages().contains(stage)) {
            errors.add(new RowError(line, mapping.get("stage"), "unknown_stage", "'" + stage + "' is not a stage of"
                    + " pipeline " + pipeline.name() + ": use one of " + String.join(", ", pipeline.stages()) + "."));
        }
        if (errors.size() > before) {
            return java.util.Optional.empty();
        }
        String owner = value(record, columns.get("owner"));
        String name = value(record, columns.get("companyName"));
        List<String> tags = List.copyOf(new LinkedHashSet<>(list(value(record, columns.get("tags")))));
        return java.util.Optional.of(new Imported(line, cnpj, name.isEmpty() ? null : name, List.copyOf(contacts),
                owner.isEmpty() ? null : owner, stage.isEmpty() ? pipeline.stages().get(0) : stage,
                tags.size() > Crm.MAX_TAGS ? tags.subList(0, Crm.MAX_TAGS) : tags));
    }

    /** A Brazilian phone in E.164 with its kind (a 9-digit number starting with 9 is a mobile); null if it is none. */
    static SelectionPicker.Contact phone(String text) {
        String digits = text.replaceAll("\\D", "");
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            digits = digits.substring(2);
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10 && digits.length() != 11 || digits.charAt(0) == '0') {
            return null;
        }
        boolean mobile = digits.length() == 11 && digits.charAt(2) == '9';
        if (digits.length() == 11 && !mobile) {
            return null;
        }
        return new SelectionPicker.Contact("+55" + digits, mobile ? "MOBILE" : "LANDLINE");
    }

    private static String value(List<String> record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column).strip();
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : LIST_SEPARATOR.splitAsStream(cell).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }
}
