package io.tenantprovisioning.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"owner@acme.example", "first.last+tag@sub.acme.co.in", "o'brien@x.io"})
    void acceptsRealAddressShapes(String email) {
        assertThat(new EmailAddress(email).value()).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@acme.example", "owner@", "a@@b.example", "a..b@acme.example",
            ".a@acme.example", "a@acme", "a@-acme.example", "a@acme.123", "a b@acme.example"})
    void rejectsMalformedAddresses(String email) {
        assertThatThrownBy(() -> new EmailAddress(email)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email:");
    }

    @Test
    void enforcesLocalPartAndTotalLengthLimits() {
        String local64 = "a".repeat(64);
        assertThat(new EmailAddress(local64 + "@acme.example").value()).startsWith(local64);
        assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@acme.example"))
                .hasMessageContaining("at most 64");
        String longDomain = ("d".repeat(60) + ".").repeat(5) + "example";
        assertThatThrownBy(() -> new EmailAddress("a@" + longDomain)).hasMessageContaining("at most 254");
    }
}
