package uk.gov.send.rep.hub.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random streams. Each part of the graph draws from its own stream, derived from the
 * seed and a name (and an index), so that what one part draws never shifts another part: adding a
 * measure does not change the children.
 */
final class Randoms {

    private Randoms() {
    }

    /** The stream for {@code name} and {@code index} under {@code seed}. */
    static SplittableRandom stream(long seed, String name, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (int i = 0; i < name.length(); i++) {
            h = mix(h ^ name.charAt(i));
        }
        return new SplittableRandom(mix(h ^ index));
    }

    /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    /** An index drawn with probability proportional to {@code weights}. */
    static int weighted(SplittableRandom random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("No positive weight");
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A Poisson count (Knuth's method: the rates here are small). */
    static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** {@code value} rounded down or up at random so that the expected result equals {@code value}. */
    static long roundStochastic(SplittableRandom random, double value) {
        double floor = Math.floor(value);
        return (long) floor + (random.nextDouble() < value - floor ? 1 : 0);
    }

    /** A gamma variate with the given shape (at least 1) and mean (Marsaglia and Tsang). */
    static double gamma(SplittableRandom random, double shape, double mean) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * mean / shape;
            }
        }
    }

    /**
     * Splits {@code total} over {@code weights} in whole numbers that add up to it exactly (largest
     * remainders; ties to the lower index).
     */
    static int[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] shares = new int[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            shares[best]++;
            remainders[best] = -1;
        }
        return shares;
    }
}
