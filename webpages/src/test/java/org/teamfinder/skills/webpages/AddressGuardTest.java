package org.teamfinder.skills.webpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

    private static final AddressGuard DEFAULT = AddressGuard.allowing(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.1.2.3", "100.64.0.1", "127.0.0.1", "127.255.255.254", "169.254.169.254", "172.16.0.1",
            "172.31.255.255", "192.0.0.8", "192.0.2.1", "192.168.1.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.251",
            "239.255.255.250", "240.0.0.1", "255.255.255.255", "::", "::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2001:db8::1",
            "2002:a00:1::", "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1"})
    void nonPublicAddressesAreRefused(String address) throws UnknownHostException {
        assertThat(DEFAULT.refusal("example.org", 80, InetAddress.getByName(address))).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("example.org resolves to ").endsWith("which is not a public address; "
                        + "the service does not fetch pages from private networks"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450::1"})
    void publicAddressesAreAllowed(String address) throws UnknownHostException {
        assertThat(DEFAULT.refusal("example.org", 443, InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intranet.example.org", "INTRANET.example.org:8080", "10.20.0.0/16", "10.20.30.40"})
    void theAllowListOpensExactlyWhatItNames(String entry) throws UnknownHostException {
        AddressGuard guard = AddressGuard.allowing(List.of(entry));
        InetAddress intranet = InetAddress.getByName("10.20.30.40");

        assertThat(guard.refusal("intranet.example.org", 8080, intranet)).isEmpty();
        assertThat(guard.refusal("intranet.example.org", 8080, InetAddress.getByName("127.0.0.1")).isEmpty())
                .isEqualTo(!entry.contains("10.20"));
        assertThat(guard.refusal("other.example.org", 8080, InetAddress.getByName("10.99.0.1"))).isPresent();
    }
}
