package com.dominusleads.leads.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * The filters of a pre-lead search, as a user sends them (and gets them back in "Buscas recentes"): a segment name or
 * CNAE codes (principal or secondary activity; both may be given), a UF, a municipality (IBGE code or name), and the
 * company filters. Absent filters do not filter.
 *
 * @param cnaes       CNAE subclasses, with or without punctuation ({@code 6911-7/01} or {@code 6911701})
 * @param porte       sizes: ME, EPP, DEMAIS, NAO_INFORMADO (or the Receita's codes 01, 03, 05, 00)
 * @param openedAfter an ISO date (yyyy-mm-dd): companies that started their activity after it
 * @param excludeMei  leave individual micro-entrepreneurs (MEI) out
 */
public record SearchFilters(@Size(max = 100) String segment,
                            @Size(max = 100) List<@NotNull @Size(max = 12) String> cnaes,
                            @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter UF such as SP") String uf,
                            @Size(max = 100) String municipality,
                            @Size(max = 4) List<@NotNull @Size(max = 30) String> porte,
                            @DecimalMin("0") BigDecimal capitalMin,
                            @Size(max = 10) String openedAfter,
                            Boolean hasMobile,
                            Boolean hasEmail,
                            Boolean excludeMei) {
}
