package org.yiyang.person;

/** Sex as recorded by the ID number (odd sequence code = male). */
public enum Sex {
    MALE, FEMALE
}
