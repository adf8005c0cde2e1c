package com.dominusleads.releasegenerator;

import com.dominusleads.directory.Municipalities;
import com.dominusleads.directory.Municipality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where establishments are: a state drawn by its population (IBGE, Censo 2022), then a municipality of that state with
 * the capital taking its share of the state's population and the other municipalities a Zipf-like share in a fixed
 * (seed-independent) order, so the same towns are big in every release. Each municipality has a DDD of its state and
 * a CEP prefix inside its state's range. The per-state facts ({@link #state}) are shared with the api-cnaes simulator.
 */
public final class Geography {

    /**
     * A state: census population, its capital (IBGE code) and the capital's share of the population, its area codes
     * (DDD, the capital's first; do not modify the array) and the first and last 5-digit CEP prefix of its range.
     */
    public record State(String uf, long population, int capitalIbge, double capitalShare, int[] ddds, int cepFrom, int cepTo) {
    }

    /** A municipality ready to be written: TOM code, DDD, CEP prefix (5 digits), how wide its CEP range is, name in plain capitals. */
    record Place(String uf, int tomCode, int ddd, int cepPrefix, int cepSpread, boolean capital, String name) {
    }

    // Censo 2022 (IBGE) populations; capital share = capital's 2022 population / state's; CEP ranges are the Correios'
    // first five digits per UF (DF and GO, AM and RR share a block, each takes its part).
    static final List<State> STATES = List.of(
            new State("SP", 44_411_238, 3550308, 0.258, new int[] {11, 12, 13, 14, 15, 16, 17, 18, 19}, 1000, 19999),
            new State("MG", 20_539_989, 3106200, 0.113, new int[] {31, 32, 33, 34, 35, 37, 38}, 30000, 39999),
            new State("RJ", 16_054_524, 3304557, 0.387, new int[] {21, 22, 24}, 20000, 28999),
            new State("BA", 14_141_626, 2927408, 0.171, new int[] {71, 73, 74, 75, 77}, 40000, 48999),
            new State("PR", 11_444_380, 4106902, 0.155, new int[] {41, 42, 43, 44, 45, 46}, 80000, 87999),
            new State("RS", 10_882_965, 4314902, 0.122, new int[] {51, 53, 54, 55}, 90000, 99999),
            new State("PE", 9_058_931, 2611606, 0.165, new int[] {81, 87}, 50000, 56999),
            new State("CE", 8_794_957, 2304400, 0.276, new int[] {85, 88}, 60000, 63999),
            new State("PA", 8_120_131, 1501402, 0.160, new int[] {91, 93, 94}, 66000, 68899),
            new State("SC", 7_610_361, 4205407, 0.071, new int[] {48, 47, 49}, 88000, 89999),
            new State("GO", 7_056_495, 5208707, 0.204, new int[] {62, 64}, 72800, 76799),
            new State("MA", 6_776_699, 2111300, 0.153, new int[] {98, 99}, 65000, 65999),
            new State("PB", 3_974_687, 2507507, 0.209, new int[] {83}, 58000, 58999),
            new State("AM", 3_941_613, 1302603, 0.523, new int[] {92, 97}, 69000, 69299),
            new State("ES", 3_833_712, 3205309, 0.084, new int[] {27, 28}, 29000, 29999),
            new State("MT", 3_658_649, 5103403, 0.178, new int[] {65, 66}, 78000, 78899),
            new State("RN", 3_302_729, 2408102, 0.227, new int[] {84}, 59000, 59999),
            new State("PI", 3_271_199, 2211001, 0.266, new int[] {86, 89}, 64000, 64999),
            new State("AL", 3_127_683, 2704302, 0.307, new int[] {82}, 57000, 57999),
            new State("DF", 2_817_381, 5300108, 1.000, new int[] {61}, 70000, 72799),
            new State("MS", 2_757_013, 5002704, 0.326, new int[] {67}, 79000, 79999),
            new State("SE", 2_210_004, 2800308, 0.271, new int[] {79}, 49000, 49999),
            new State("RO", 1_581_196, 1100205, 0.291, new int[] {69}, 76800, 76999),
            new State("TO", 1_511_460, 1721000, 0.199, new int[] {63}, 77000, 77999),
            new State("AC", 830_018, 1200401, 0.434, new int[] {68}, 69900, 69999),
            new State("AP", 733_759, 1600303, 0.603, new int[] {96}, 68900, 68999),
            new State("RR", 636_707, 1400100, 0.644, new int[] {95}, 69300, 69399));

    private static final Map<String, State> BY_UF = STATES.stream()
            .collect(Collectors.toUnmodifiableMap(State::uf, Function.identity()));

    /** The state whose two-letter code is {@code uf}, or empty for EX (abroad) and any other code. */
    public static Optional<State> state(String uf) {
        return Optional.ofNullable(BY_UF.get(uf));
    }

    /** The RF's municipality code for establishments abroad (UF "EX"); written to the Municipios lookup as EXTERIOR. */
    static final int EXTERIOR_TOM = 9707;

    private final WeightedChoice stateChoice;
    private final List<Place[]> placesByState = new ArrayList<>();
    private final List<WeightedChoice> placeChoiceByState = new ArrayList<>();

    Geography() {
        double[] populations = STATES.stream().mapToDouble(State::population).toArray();
        stateChoice = new WeightedChoice(populations);
        Map<String, List<Municipality>> byUf = new HashMap<>();
        for (Municipality m : Municipalities.instance().all()) {
            byUf.computeIfAbsent(m.uf(), uf -> new ArrayList<>()).add(m);
        }
        for (State state : STATES) {
            List<Municipality> municipalities = byUf.get(state.uf());
            if (municipalities == null) {
                throw new IllegalStateException("no municipality of " + state.uf() + " in the reference table");
            }
            Municipality capital = municipalities.stream().filter(m -> m.ibgeCode() == state.capitalIbge()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("capital " + state.capitalIbge() + " of " + state.uf()
                            + " is not in the reference table"));
            // Fixed order of "size" for the other municipalities: a hash of the IBGE code, not the seed.
            List<Municipality> others = new ArrayList<>(municipalities);
            others.remove(capital);
            others.sort(Comparator.comparingLong(m -> SeededRandom.mix(m.ibgeCode())));
            Place[] places = new Place[others.size() + 1];
            double[] weights = new double[places.length];
            places[0] = place(state, capital, true);
            double othersTotal = 0;
            for (int i = 0; i < others.size(); i++) {
                places[i + 1] = place(state, others.get(i), false);
                weights[i + 1] = 1.0 / Math.pow(i + 3, 0.9);
                othersTotal += weights[i + 1];
            }
            weights[0] = others.isEmpty() ? 1 : othersTotal * state.capitalShare() / (1 - state.capitalShare());
            placesByState.add(places);
            placeChoiceByState.add(new WeightedChoice(weights));
        }
    }

    private static Place place(State state, Municipality m, boolean capital) {
        int[] ddds = state.ddds();
        long hash = SeededRandom.mix(m.tomCode() * 31L + 7);
        int ddd = capital ? ddds[0] : ddds[(int) Long.remainderUnsigned(hash, ddds.length)];
        int range = state.cepTo() - state.cepFrom() + 1;
        int spread = capital ? Math.min(range, 400) : 1 + (int) Long.remainderUnsigned(hash >>> 20, 4);
        int prefix = capital ? state.cepFrom() : state.cepFrom() + (int) Long.remainderUnsigned(hash >>> 8, range - spread + 1);
        return new Place(state.uf(), m.tomCode(), ddd, prefix, spread, capital, LookupTables.plainCapitals(m.name()));
    }

    int nextState(SeededRandom random) {
        return stateChoice.next(random);
    }

    Place nextPlace(int state, SeededRandom random) {
        return placesByState.get(state)[placeChoiceByState.get(state).next(random)];
    }

    Place nextPlace(SeededRandom random) {
        return nextPlace(nextState(random), random);
    }
}
