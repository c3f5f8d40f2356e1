package org.yiyang.ltc;

/**
 * The categories a month is settled by. {@code MEDICAL_CONSUMABLES} is the 护理耗材 part of medical nursing, settled
 * under its own fund sub-maximum and counted toward the medical-nursing maximum; {@code MEDICAL_CARE} lines carry the
 * rest of the medical-nursing cost.
 */
public enum CostCategory {
    LIFE_CARE,
    MEDICAL_CARE,
    MEDICAL_CONSUMABLES,
    DEVICE
}
