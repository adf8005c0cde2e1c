package com.dominusleads.leads.domain;

import java.util.List;

/**
 * How reachable a company is by the channels the suite uses, best first: a mobile phone (in Brazil, most likely on
 * WhatsApp) beats a landline (SMS-less, call only), which beats an e-mail alone, which beats nothing. The score keeps
 * that order whatever the extras: any mobile scores 90-100, a landline 60-70, an e-mail alone 30.
 */
public enum Contactability {
    WHATSAPP(90), LANDLINE(60), EMAIL(30), NONE(0);

    private final int base;

    Contactability(int base) {
        this.base = base;
    }

    /** A company's level and score, from the contacts the directory lists for it. */
    public record Score(Contactability level, int score) {
    }

    public static Score of(List<Company.Phone> phones, List<String> emails) {
        boolean mobile = phones.stream().anyMatch(Company.Phone::mobile);
        boolean landline = phones.stream().anyMatch(phone -> !phone.mobile());
        boolean email = !emails.isEmpty();
        if (mobile) {
            return new Score(WHATSAPP, WHATSAPP.base + (email ? 5 : 0) + (landline ? 5 : 0));
        }
        if (landline) {
            return new Score(LANDLINE, LANDLINE.base + (email ? 10 : 0));
        }
        return email ? new Score(EMAIL, EMAIL.base) : new Score(NONE, NONE.base);
    }
}
