package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportRequestTest {

    @Test
    void repeatedAddressesCountOnceAndFragmentsAreDropped() {
        ImportRequest request = ImportRequest.of(List.of("https://a.example/jobs#top", "https://a.example/jobs", "http://B.example/"), " Web ");

        assertThat(request.pages()).extracting(PageAddress::toString).containsExactly("https://a.example/jobs", "http://B.example/");
        assertThat(request.pages().get(1).host()).isEqualTo("b.example");
        assertThat(request.category()).contains("Web");
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://a.example/x        | must be an absolute http or https URL
            /relative                | must be an absolute http or https URL
            https:///no-host         | must name a host
            https://u:p@a.example/   | must not carry a user name or password
            https://a.example/a b    | is not a valid URL: Illegal character in path at index 19
            '  '                     | must be a URL, not blank
            """)
    void everyBadAddressIsReportedWithItsIndex(String url, String message) {
        InvalidImportRequest invalid = catchThrowableOfType(() -> ImportRequest.of(List.of("https://ok.example/", url), null),
                InvalidImportRequest.class);

        assertThat(invalid.problems()).containsExactly(new FieldProblem("urls[1]", message));
    }

    @Test
    void theIpv6HostIsKeptWithoutBrackets() throws PageAddress.InvalidPageAddress {
        assertThat(PageAddress.parse("http://[::1]:8080/").host()).isEqualTo("::1");
    }

    @Test
    void oneToFiveHundredAddresses() {
        assertThat(catchThrowableOfType(() -> ImportRequest.of(List.of(), null), InvalidImportRequest.class).problems())
                .containsExactly(new FieldProblem("urls", "must hold 1 to 500 URLs (had 0)"));
        assertThat(catchThrowableOfType(() -> ImportRequest.of(Collections.nCopies(501, "https://a.example/"), null),
                InvalidImportRequest.class).problems())
                .containsExactly(new FieldProblem("urls", "must hold 1 to 500 URLs (had 501)"));
        assertThat(ImportRequest.of(Collections.nCopies(500, "https://a.example/"), null).pages()).hasSize(1);
    }

    @Test
    void theCategoryFollowsTheSkillRules() {
        InvalidImportRequest invalid = catchThrowableOfType(() -> ImportRequest.of(List.of("https://a.example/"), "x".repeat(51)),
                InvalidImportRequest.class);

        assertThat(invalid.problems()).containsExactly(new FieldProblem("category", "must be at most 50 characters (was 51)"));
    }
}
