package org.yiyang.demo.internal;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Seeded randomness of the demo city: one independent stream per purpose and chunk, so parts can be redone alone. */
final class DemoRandom {
    static final long REGIONS = 1;
    static final long FACILITIES = 2;
    static final long RESIDENTS = 3;

    private DemoRandom() {
    }

    /** A generator for (seed, purpose, part); equal arguments give equal streams. */
    static SplittableRandom of(long seed, long purpose, long part) {
        return new SplittableRandom(mix(mix(mix(seed) ^ purpose) ^ part));
    }

    /** A version-4 UUID drawn from the stream. */
    static UUID uuid(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000000000000000L)) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
