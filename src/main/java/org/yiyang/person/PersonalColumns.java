package org.yiyang.person;

/**
 * The purposes under which person data is encrypted and blind-indexed. The column's purpose with the row's key
 * ({@link #bound}) is the AEAD associated data; the purpose alone is the HMAC domain separator (blind indexes must
 * match across rows).
 */
public final class PersonalColumns {
    public static final String ID_NUMBER = "person.id_number";
    public static final String PHONE = "person.phone";
    public static final String ADDRESS = "person.address";
    public static final String CONTACT_PHONE = "contact.phone";

    private PersonalColumns() {
    }

    /**
     * The associated data that binds an encrypted value to its column and its row: a value copied into another
     * column or onto another resident's row no longer decrypts.
     */
    public static String bound(String column, Object rowKey) {
        return column + "#" + rowKey;
    }
}
