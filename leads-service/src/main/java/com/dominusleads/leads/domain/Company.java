package com.dominusleads.leads.domain;

import com.dominusleads.companydata.CompanyDocument;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A company as a search shows it and a selection keeps it: what sales teams judge a pre-lead by and what outreach
 * needs (phones in E.164 with their kind, e-mails), read from the gateway's document.
 *
 * @param source where the gateway got it: local, remote or cache
 */
public record Company(String cnpj, String legalName, String tradeName, Activity activity, String porte,
                      BigDecimal capital, String openedOn, String uf, String municipality, Integer municipalityIbge,
                      List<Phone> phones, List<String> emails, String source) {

    /** The principal CNAE. */
    public record Activity(String code, String description) {
    }

    public record Phone(String e164, boolean mobile) {
    }

    /** What people call it: the trade name when it has one. */
    public String name() {
        return tradeName != null && !tradeName.isBlank() ? tradeName : legalName;
    }

    public Contactability.Score contactability() {
        return Contactability.of(phones, emails);
    }

    /** Every address it can be contacted at: phones in E.164, e-mails in lower case. */
    public List<String> addresses() {
        List<String> addresses = new ArrayList<>(phones.size() + emails.size());
        phones.forEach(phone -> addresses.add(phone.e164()));
        addresses.addAll(emails);
        return addresses;
    }

    public static Company of(CompanyDocument document) {
        CompanyDocument.Address address = document.endereco();
        return new Company(document.cnpj(), document.razaoSocial(), document.nomeFantasia(),
                document.cnaePrincipal() == null ? null
                        : new Activity(document.cnaePrincipal().codigo(), document.cnaePrincipal().descricao()),
                document.porte() == null ? null : document.porte().descricao(),
                document.capitalSocial(), document.dataInicioAtividade(),
                address == null ? null : address.uf(), address == null ? null : address.municipio(),
                address == null ? null : address.ibgeMunicipioId(),
                phones(document.telefones()), emails(document.emails()),
                document.source() == null ? null : document.source().name().toLowerCase(Locale.ROOT));
    }

    /** Phones in E.164 (built from DDD and number when the side sent none), each once, in the document's order. */
    private static List<Phone> phones(List<CompanyDocument.Phone> listed) {
        if (listed == null) {
            return List.of();
        }
        List<Phone> phones = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CompanyDocument.Phone phone : listed) {
            String e164 = e164(phone);
            if (e164 != null && seen.add(e164)) {
                String digits = phone.numero() == null ? "" : phone.numero().replaceAll("\\D", "");
                boolean mobile = "MOVEL".equalsIgnoreCase(phone.tipo())
                        || phone.tipo() == null && digits.length() == 9 && digits.startsWith("9");
                phones.add(new Phone(e164, mobile));
            }
        }
        return List.copyOf(phones);
    }

    private static String e164(CompanyDocument.Phone phone) {
        if (phone.e164() != null && phone.e164().matches("\\+[1-9]\\d{7,14}")) {
            return phone.e164();
        }
        String ddd = phone.ddd() == null ? "" : phone.ddd().replaceAll("\\D", "");
        String number = phone.numero() == null ? "" : phone.numero().replaceAll("\\D", "");
        return ddd.length() == 2 && (number.length() == 8 || number.length() == 9) ? "+55" + ddd + number : null;
    }

    private static List<String> emails(List<String> listed) {
        if (listed == null) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        listed.stream().filter(email -> email != null && email.contains("@"))
                .forEach(email -> emails.add(email.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(emails);
    }
}
