package org.yiyang.person;

/**
 * The purposes under which person data is encrypted and blind-indexed. The purpose is the AEAD associated data and
 * the HMAC domain separator, so a value sealed for one column cannot be read as another.
 */
public final class PersonalColumns {
    public static final String ID_NUMBER = "person.id_number";
    public static final String PHONE = "person.phone";
    public static final String ADDRESS = "person.address";
    public static final String CONTACT_PHONE = "contact.phone";

    private PersonalColumns() {
    }
}
