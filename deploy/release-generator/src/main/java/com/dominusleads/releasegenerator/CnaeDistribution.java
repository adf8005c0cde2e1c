package com.dominusleads.releasegenerator;

import com.dominusleads.directory.Cnae;
import com.dominusleads.directory.CnaeCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The principal CNAE of an establishment: heavy-tailed like the real register, where a few subclasses (clothing
 * retail, hairdressers, restaurants, mini-markets…) hold several percent each and most of the 1,332 hold a few
 * thousandths. The named heavy hitters get fixed shares (about the real register's ranking); the rest of the catalog
 * shares the remainder Zipf-like in a fixed, seed-independent order.
 */
final class CnaeDistribution {

    /**
     * Percent of the establishments whose CNAE is drawn here, ranked. Some legal forms have their own CNAE (condominiums
     * 8112500, churches 9491000, …: see SyntheticCompanies), so 4781400 ends at ~4.3 % of all rows: ~2.8 M of a 66 M
     * release.
     */
    static final Map<Integer, Double> HEAVY_HITTERS = heavyHitters();

    private static Map<Integer, Double> heavyHitters() {
        Map<Integer, Double> shares = new LinkedHashMap<>();
        shares.put(4781400, 4.8);  // Comércio varejista de artigos do vestuário e acessórios
        shares.put(9602501, 3.1);  // Cabeleireiros, manicure e pedicure
        shares.put(5611201, 2.5);  // Restaurantes e similares
        shares.put(4712100, 2.3);  // Minimercados, mercearias e armazéns
        shares.put(7319002, 2.0);  // Promoção de vendas
        shares.put(8219999, 1.8);  // Preparação de documentos e apoio administrativo
        shares.put(4399103, 1.6);  // Obras de alvenaria
        shares.put(5620104, 1.4);  // Alimentos preparados para consumo domiciliar
        shares.put(4930202, 1.3);  // Transporte rodoviário de carga intermunicipal
        shares.put(4321500, 1.2);  // Instalação e manutenção elétrica
        shares.put(4744099, 1.0);
        shares.put(4772500, 0.95);
        shares.put(4723700, 0.9);
        shares.put(8211300, 0.85);
        shares.put(9430800, 0.5);
        shares.put(4520001, 0.8);
        shares.put(8599699, 0.75);
        shares.put(7020400, 0.7);
        shares.put(4399199, 0.7);
        shares.put(8121400, 0.65);
        shares.put(4729699, 0.65);
        shares.put(4753900, 0.6);
        shares.put(4789099, 0.6);
        shares.put(4541206, 0.6);
        shares.put(9511800, 0.55);
        shares.put(4530703, 0.55);
        shares.put(8630504, 0.5);
        shares.put(9609299, 0.5);
        shares.put(4711302, 0.5);
        shares.put(4741500, 0.45);
        shares.put(4755502, 0.45);
        shares.put(6911701, 0.45);
        shares.put(5611203, 0.45);
        shares.put(4731800, 0.45);
        shares.put(6201501, 0.4);
        shares.put(4930201, 0.4);
        shares.put(7490104, 0.4);
        shares.put(8230001, 0.4);
        shares.put(4774100, 0.4);
        shares.put(9312300, 0.35);
        shares.put(4761003, 0.35);
        return shares;
    }

    private final int[] codes;
    private final WeightedChoice choice;

    CnaeDistribution() {
        CnaeCatalog catalog = CnaeCatalog.instance();
        List<Integer> ordered = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double named = 0;
        for (Map.Entry<Integer, Double> hitter : HEAVY_HITTERS.entrySet()) {
            if (catalog.byCode(hitter.getKey()).isEmpty()) {
                throw new IllegalStateException("CNAE " + hitter.getKey() + " is not in the catalog");
            }
            ordered.add(hitter.getKey());
            weights.add(hitter.getValue() / 100);
            named += hitter.getValue() / 100;
        }
        List<Cnae> tail = new ArrayList<>(catalog.all());
        tail.removeIf(c -> HEAVY_HITTERS.containsKey(c.code()));
        tail.sort(Comparator.comparingLong(c -> SeededRandom.mix(c.code() * 0x9E3779B97F4A7C15L)));
        double tailTotal = 0;
        double[] tailWeights = new double[tail.size()];
        for (int rank = 0; rank < tail.size(); rank++) {
            tailWeights[rank] = 1.0 / (rank + 20);
            tailTotal += tailWeights[rank];
        }
        for (int rank = 0; rank < tail.size(); rank++) {
            ordered.add(tail.get(rank).code());
            weights.add(tailWeights[rank] / tailTotal * (1 - named));
        }
        codes = ordered.stream().mapToInt(Integer::intValue).toArray();
        choice = new WeightedChoice(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    int next(SeededRandom random) {
        return codes[choice.next(random)];
    }
}
