package org.yiyang.person.internal;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yiyang.shared.privacy.Mask;

/**
 * How personal data is shown: the ID number with the configured {@code idNumberMask}; phone numbers and addresses
 * with their own configurable masks ({@code yiyang.person.phone-mask.*}, {@code yiyang.person.address-visible}).
 */
@Component
public class PersonMasks {
    private final Mask idNumber;
    private final Mask phone;
    private final int addressVisible;

    PersonMasks(@Qualifier("idNumberMask") Mask idNumber,
                @Value("${yiyang.person.phone-mask.head:3}") int phoneHead,
                @Value("${yiyang.person.phone-mask.tail:4}") int phoneTail,
                @Value("${yiyang.person.address-visible:6}") int addressVisible) {
        this.idNumber = idNumber;
        this.phone = new Mask(phoneHead, phoneTail);
        this.addressVisible = addressVisible;
    }

    public String idNumber(String value) {
        return idNumber.apply(value);
    }

    public String phone(String value) {
        return phone.apply(value);
    }

    /** The beginning of the address (district and street, typically) and stars for the rest. */
    public String address(String value) {
        if (value.length() <= addressVisible) {
            return "*".repeat(value.length());
        }
        return value.substring(0, addressVisible) + "****";
    }
}
