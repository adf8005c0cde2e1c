package com.dominusleads.ingestion.normalisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumbersTest {

    private static final PhoneNumbers PHONES = new PhoneNumbers();

    static Stream<Arguments> valid() {
        return Stream.of(
                // ddd, number, e164, type, ninthDigitAdded
                arguments("61", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("61", "987654321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("61", "87654321", "+5561987654321", PhoneType.MOBILE, true),
                arguments("11", "66123456", "+5511966123456", PhoneType.MOBILE, true),
                // libphonenumber still calls 8-digit 7xxxxxxx MOBILE (old trunked radio); we migrate it like the rest
                arguments("11", "71234567", "+5511971234567", PhoneType.MOBILE, true),
                arguments("11", "91234567", "+5511991234567", PhoneType.MOBILE, true),
                arguments("11", "21234567", "+551121234567", PhoneType.LANDLINE, false),
                arguments("11", "51234567", "+551151234567", PhoneType.LANDLINE, false),
                arguments("21", "41234567", "+552141234567", PhoneType.LANDLINE, false),
                // 4004/3003 "capital" numbers written with a DDD are plain fixed lines for libphonenumber
                arguments("11", "40041234", "+551140041234", PhoneType.LANDLINE, false),
                arguments("11", "30031234", "+551130031234", PhoneType.LANDLINE, false),
                arguments("55", "33334444", "+555533334444", PhoneType.LANDLINE, false),
                arguments("55", "999887766", "+5555999887766", PhoneType.MOBILE, false),
                arguments("99", "33334444", "+559933334444", PhoneType.LANDLINE, false),
                arguments("99", "81234567", "+5599981234567", PhoneType.MOBILE, true),
                // DDD spellings
                arguments("061", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("0061", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments(" 61", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("61  ", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("(61)", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments(" 0 61", "33334444", "+556133334444", PhoneType.LANDLINE, false),
                // separators inside the number
                arguments("61", "3333-4444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("61", "3333 4444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("61", "3333.4444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("61", " 98765-4321 ", "+5561987654321", PhoneType.MOBILE, false),
                arguments("61", "9 8765-4321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("61", "\t8765\u00A04321", "+5561987654321", PhoneType.MOBILE, true),
                // DDD embedded in the number field
                arguments("", "6133334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments(null, "61987654321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("", "6187654321", "+5561987654321", PhoneType.MOBILE, true),
                arguments("", "(61) 3333-4444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("", "(61) 9 8765-4321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("00", "6133334444", "+556133334444", PhoneType.LANDLINE, false),
                // ... with the national trunk prefix 0
                arguments("", "06133334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("", "061987654321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("", "(061) 8765-4321", "+5561987654321", PhoneType.MOBILE, true),
                // ... and repeated in the DDD field
                arguments("61", "6133334444", "+556133334444", PhoneType.LANDLINE, false),
                arguments("061", "(61) 98765-4321", "+5561987654321", PhoneType.MOBILE, false),
                arguments("61", "061 3333 4444", "+556133334444", PhoneType.LANDLINE, false));
    }

    @ParameterizedTest(name = "[{index}] ddd={0} number={1} -> {2}")
    @MethodSource("valid")
    void normalisesValidNumbers(String ddd, String number, String e164, PhoneType type, boolean ninth)
            throws InvalidPhoneException {
        assertThat(PHONES.normalise(ddd, number)).isEqualTo(new Phone(e164, type, ninth));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // ddd, number, reason
                arguments("61", "3333444", "invalid_length"),
                arguments("61", "123", "invalid_length"),
                arguments("61", "3333444455556", "invalid_length"),
                arguments("61", "5561987654321", "invalid_length"), // country code not supported
                arguments("61", "333344445", "invalid_number"), // 9 digits must start with 9
                arguments("61", "812345678", "invalid_number"),
                arguments("61", "12345678", "invalid_number"),
                arguments("61", "02345678", "invalid_number"),
                arguments("20", "12345678", "invalid_ddd"), // both wrong: the DDD is named
                arguments("20", "812345678", "invalid_ddd"),
                arguments("61", "3333-444A", "invalid_number"),
                arguments("61", "+556133334444", "invalid_number"),
                arguments("61", "3333/4444", "invalid_number"),
                arguments("61", "sem telefone", "invalid_number"),
                arguments("", "61333344445", "invalid_number"), // embedded DDD, 9 digits not starting with 9
                // fillers
                arguments("61", "0", "placeholder_number"),
                arguments("61", "00000000", "placeholder_number"),
                arguments("", "00000000", "placeholder_number"),
                arguments("61", "0000-0000", "placeholder_number"),
                arguments("61", "11111111", "placeholder_number"),
                arguments("61", "33333333", "placeholder_number"),
                arguments("61", "99999999", "placeholder_number"),
                arguments("61", "999999999", "placeholder_number"),
                arguments("61", "988888888", "placeholder_number"),
                arguments("", "6199999999", "placeholder_number"),
                // DDD problems
                arguments("", "33334444", "missing_ddd"),
                arguments(null, "987654321", "missing_ddd"),
                arguments("  ", "87654321", "missing_ddd"),
                arguments("0", "33334444", "missing_ddd"),
                arguments("00", "33334444", "missing_ddd"),
                arguments("6", "33334444", "invalid_ddd"),
                arguments("611", "33334444", "invalid_ddd"),
                arguments("6a", "33334444", "invalid_ddd"),
                arguments("DF", "33334444", "invalid_ddd"),
                arguments("10", "33334444", "invalid_ddd"),
                arguments("20", "33334444", "invalid_ddd"),
                arguments("20", "987654321", "invalid_ddd"),
                arguments("23", "87654321", "invalid_ddd"),
                arguments("30", "33334444", "invalid_ddd"), // libphonenumber: 303xxxxxxx is shared-cost, not a DDD
                arguments("90", "987654321", "invalid_ddd"),
                arguments("", "2033334444", "invalid_ddd"),
                arguments("", "0033334444", "invalid_ddd"),
                arguments("", "0613333444", "invalid_ddd"),
                arguments("", "08001234567", "invalid_ddd"), // 0800 toll-free reads as trunk 0 + DDD 80
                arguments("", "0800123456", "invalid_ddd"),
                arguments("6x", "6133334444", "invalid_ddd"),
                arguments("11", "6133334444", "ddd_mismatch"),
                arguments("61", "5533334444", "ddd_mismatch"),
                arguments("61", "11987654321", "ddd_mismatch"));
    }

    @ParameterizedTest(name = "[{index}] ddd={0} number={1} -> {2}")
    @MethodSource("invalid")
    void rejectsInvalidNumbers(String ddd, String number, String reason) {
        assertThatThrownBy(() -> PHONES.normalise(ddd, number))
                .isInstanceOf(InvalidPhoneException.class)
                .satisfies(e -> assertThat(((InvalidPhoneException) e).reason()).isEqualTo(reason))
                .hasMessageNotContaining(reason); // the message is for humans
    }

    static Stream<Arguments> absent() {
        return Stream.of(
                arguments(null, null),
                arguments("", ""),
                arguments("  ", " "),
                arguments("61", ""),
                arguments("61", null),
                arguments("061", "   "),
                arguments("", "-"),
                arguments("", "( ) -"),
                arguments("xx", "")); // a lone (even malformed) DDD is no phone
    }

    @ParameterizedTest(name = "[{index}] ddd={0} number={1} -> null")
    @MethodSource("absent")
    void blankNumberIsNoPhone(String ddd, String number) throws InvalidPhoneException {
        assertThat(PHONES.normalise(ddd, number)).isNull();
    }

    @Test
    void acceptsAnyCharSequence() throws InvalidPhoneException {
        assertThat(PHONES.normalise(new StringBuilder("061"), java.nio.CharBuffer.wrap("8765-4321")))
                .isEqualTo(new Phone("+5561987654321", PhoneType.MOBILE, true));
    }

    @Test
    void everyAnatelAreaCodeIsAcceptedAndNoOther() throws InvalidPhoneException {
        for (int ddd = 0; ddd <= 99; ddd++) {
            String dd = String.format("%02d", ddd);
            if (PhoneNumbersConsistencyTest.ANATEL_DDDS.contains(ddd)) {
                assertThat(PHONES.normalise(dd, "33334444").e164()).isEqualTo("+55" + dd + "33334444");
                assertThat(PHONES.normalise(dd, "987654321").e164()).isEqualTo("+55" + dd + "987654321");
                assertThat(PHONES.normalise(dd, "87654321").e164()).isEqualTo("+55" + dd + "987654321");
            } else {
                String expected = ddd == 0 ? "missing_ddd" : "invalid_ddd";
                for (String number : new String[] {"33334444", "987654321", "87654321"}) {
                    assertThatThrownBy(() -> PHONES.normalise(dd, number))
                            .as("ddd %s number %s", dd, number)
                            .satisfies(e -> assertThat(((InvalidPhoneException) e).reason()).isEqualTo(expected));
                }
            }
        }
    }

    @Test
    void exceptionsAreStackless() {
        assertThatThrownBy(() -> PHONES.normalise("61", "123"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty())
                .satisfies(e -> assertThat(e.getSuppressed()).isEmpty())
                .hasMessage("phone number has the wrong number of digits");
    }
}
