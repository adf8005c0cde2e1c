package com.dominusleads.releasegenerator;

/**
 * Draws an index with probability proportional to its weight: a binary search over the cumulative weights. Immutable:
 * build it once and draw from it with any {@link SeededRandom}.
 */
public final class WeightedChoice {

    private final double[] cumulative;

    /** Weights ≥ 0, at least one of them > 0; an index of weight 0 is never drawn. */
    public WeightedChoice(double... weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
    }

    /** An index into the weights, drawn with one {@link SeededRandom#nextDouble()}. */
    public int next(SeededRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
