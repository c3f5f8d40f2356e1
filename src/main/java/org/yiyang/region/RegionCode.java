package org.yiyang.region;

/**
 * A 12-digit statistical division code (统计用区划代码): province 2, city 2, county 2, township 3, village 3 digits.
 * Only the shape is checked here; whether the code exists is the registry's business.
 */
public record RegionCode(String value) {

    public RegionCode {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a 12-digit region code");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && value.length() == 12 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The six-digit county-level part (GB/T 2260). */
    public String county() {
        return value.substring(0, 6);
    }

    /** The code of the county (district) this code lies in, padded to 12 digits. */
    public RegionCode countyCode() {
        return new RegionCode(value.substring(0, 6) + "000000");
    }

    @Override
    public String toString() {
        return value;
    }
}
