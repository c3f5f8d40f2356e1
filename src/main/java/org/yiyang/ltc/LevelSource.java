package org.yiyang.ltc;

/**
 * Where an LTC level comes from (spec §4.5): entered by the LTC officer from the assessment agency's conclusion (the
 * Guangzhou pack ships the level mapping empty), or the demo pack's mapping, labelled as demo values.
 */
public enum LevelSource {
    OFFICER_ENTERED,
    DEMO_MAPPING
}
