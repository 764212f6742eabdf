package dev.frontdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @Test
    void strictParsingAcceptsOnlyValidE164() {
        assertThat(PhoneNumber.parseStrict("+16175550100"))
                .map(PhoneNumber::e164)
                .contains("+16175550100");
        assertThat(PhoneNumber.parseStrict("+442079460123")).isPresent();
        assertThat(PhoneNumber.parseStrict("6175550100")).isEmpty();
        assertThat(PhoneNumber.parseStrict("+1 617 555 0100")).isEmpty();
        assertThat(PhoneNumber.parseStrict("+1555")).isEmpty();
        assertThat(PhoneNumber.parseStrict("+0123456789")).isEmpty();
        assertThat(PhoneNumber.parseStrict(null)).isEmpty();
    }

    @Test
    void lenientParsingNormalisesWhatPeopleWrite() {
        assertThat(PhoneNumber.parseLenient("(617) 555-0100", "US"))
                .map(PhoneNumber::e164)
                .contains("+16175550100");
        assertThat(PhoneNumber.parseLenient("020 7946 0123", "GB"))
                .map(PhoneNumber::e164)
                .contains("+442079460123");
        assertThat(PhoneNumber.parseLenient("call me maybe", "US")).isEmpty();
    }

    @Test
    void theRegionComesFromTheNumber() {
        assertThat(new PhoneNumber("+34912345678").region()).contains("ES");
        assertThat(new PhoneNumber("+33142685300").region()).contains("FR");
        assertThat(new PhoneNumber("+16175550100").region()).contains("US");
    }
}
