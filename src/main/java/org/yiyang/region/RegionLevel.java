package org.yiyang.region;

/** Levels of the division hierarchy; declaration order is top-down. */
public enum RegionLevel {
    PROVINCE, CITY, DISTRICT, STREET_TOWN, COMMUNITY_VILLAGE;

    public boolean isBelow(RegionLevel other) {
        return compareTo(other) > 0;
    }
}
