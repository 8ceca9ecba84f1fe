package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teamfinder.skills.api.testing.RawHttp;
import org.teamfinder.skills.api.testing.RunningService;

/**
 * A corpus of malformed and hostile requests, sent byte for byte over a plain socket: broken and deeply
 * nested JSON, huge numbers, wrong types, NUL and other control characters, invalid UTF-8, 10 MB bodies,
 * header floods, request smuggling attempts, path tricks, SQL- and script-looking strings, absurd query
 * parameters. None may get a 5xx or hang, a write is always refused with a 4xx problem+json, and the
 * catalogue is exactly as it was afterwards.
 */
class HostileRequestsTest {

    private static final int TIMEOUT_MILLIS = 5_000;

    @RegisterExtension
    static final RunningService service = new RunningService();

    private static Map<String, Object> existing;
    private static String existingPath;

    /** One request of the corpus: its bytes, and whether it writes (so must be refused with 4xx problem+json). */
    record Case(String name, byte[] request, boolean write) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void oneSkill() {
        RunningService.Response created = service.post("/skills", "{\"name\": \"Existing\", \"category\": \"Kept\", \"description\": \"d\"}");
        existing = created.json();
        existingPath = created.header("Location");
    }

    @AfterAll
    static void catalogueIsUnchanged() {
        assertThat(service.get("/skills?limit=100").jsonList()).containsExactly(existing);
        assertThat(service.get("/skills/imports/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(service.get("/skills/categories").jsonList()).containsExactly(Map.of("category", "Kept", "skills", 1));
    }

    @Test
    void theCorpusHasAtLeastTwoHundredRequests() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void neitherAServerErrorNorAHangNorAChange(Case hostile) {
        RawHttp.Answer answer = RawHttp.exchange(service.uri("/").getPort(), hostile.request(), TIMEOUT_MILLIS);

        assertThat(answer.timedOut()).as("%s hung: %s", hostile, answer).isFalse();
        assertThat(answer.status()).as("%s answered: %s", hostile, answer).isPresent();
        int status = answer.status().orElseThrow();
        assertThat(status).as("%s: %s", hostile, answer).isLessThan(500);
        if (hostile.write()) {
            assertThat(status).as("%s: %s", hostile, answer).isBetween(400, 499);
        }
        if (status >= 400 && !answer.head().startsWith("HEAD")) {
            assertThat(answer.header("Content-Type")).as("%s: %s", hostile, answer).contains("application/problem+json");
            assertThat(answer.bodyText()).contains("\"status\":" + status);
        }
    }

    static Stream<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        String id = existingPath == null ? "/skills/1" : existingPath;
        List<String[]> writes = List.of(
                new String[] {"POST", "/skills", "application/json"},
                new String[] {"PUT", id, "application/json"},
                new String[] {"PATCH", id, "application/merge-patch+json"},
                new String[] {"POST", "/skills/batch", "application/json"},
                new String[] {"POST", "/skills/imports", "application/json"});

        // Broken JSON, on every endpoint that reads a body.
        List<String> broken = List.of("", " ", "{", "}", "{\"name\"", "{\"name\":}", "{\"name\": \"A\",}", "{'name': 'A'}", "{name: \"A\"}",
                "[", "nul", "tru", "{\"name\": \"A\"}}", "{\"name\": \"A\" \"category\": \"B\"}", "{\"name\": \"\\x41\"}",
                "{\"name\": \"\\u12\"}", "{\"name\": \"A\"} // comment", "/* c */ {\"name\": \"A\"}", "{\"name\": NaN}",
                "{\"name\": Infinity}", "{\"name\": -}", "{\"name\": 01}", "{\"name\": .5}", "{\"name\": \"unterminated}",
                "{\"name\": \"A\", \"name\": \"B\"}", "{\"a\":1}{\"b\":2}");
        for (String[] endpoint : writes) {
            for (String body : broken) {
                cases.add(write("broken JSON " + shortly(body) + " to " + endpoint[0] + " " + endpoint[1], endpoint, utf8(body)));
            }
        }
        // Deep nesting and huge numbers.
        for (String[] endpoint : writes) {
            cases.add(write("arrays nested 100000 deep to " + endpoint[1], endpoint, utf8("{\"name\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
            cases.add(write("objects nested 5000 deep to " + endpoint[1], endpoint, utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000))));
            cases.add(write("top-level arrays 200000 deep to " + endpoint[1], endpoint, utf8("[".repeat(200_000))));
            cases.add(write("number 1e999999 to " + endpoint[1], endpoint, utf8("{\"name\": 1e999999, \"skills\": 1e999999, \"urls\": 1e999999}")));
            cases.add(write("a 20000-digit number to " + endpoint[1], endpoint, utf8("{\"name\": " + "9".repeat(20_000) + "}")));
        }
        cases.add(write("huge negative exponent", writes.get(0), utf8("{\"name\": \"A\", \"description\": -0.0e-999999}")));
        cases.add(write("number in a batch", writes.get(3), utf8("{\"skills\": [1e308, -1e308]}")));
        cases.add(write("number as a URL", writes.get(4), utf8("{\"urls\": [123456789012345678901234567890]}")));
        // Wrong types.
        for (String field : List.of("name", "category", "description")) {
            for (String value : List.of("42", "true", "[]", "{}", "[\"a\"]", "{\"x\": 1}")) {
                String body = field.equals("name") ? "{\"name\": " + value + "}" : "{\"name\": \"Fine\", \"" + field + "\": " + value + "}";
                cases.add(write(field + " as " + value, writes.get(0), utf8(body)));
            }
        }
        cases.add(write("name null", writes.get(0), utf8("{\"name\": null}")));
        for (String body : List.of("{\"skills\": \"x\"}", "{\"skills\": [1, 2]}", "{\"skills\": {}}", "{\"skills\": null}", "{\"skills\": []}")) {
            cases.add(write("batch " + body, writes.get(3), utf8(body)));
        }
        for (String body : List.of("{\"urls\": {}}", "{\"urls\": [null]}", "{\"urls\": [[]]}", "{\"urls\": [\"https://a.example/\"], \"category\": []}",
                "{\"urls\": [\"javascript:alert(1)\"]}", "{\"urls\": [\"file:///etc/passwd\"]}", "{\"urls\": [\"gopher://127.0.0.1:25/\"]}")) {
            cases.add(write("import " + body, writes.get(4), utf8(body)));
        }
        // Control characters, NUL, unpaired surrogates.
        for (String escape : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u009f", "\\ud800", "\\udc00x", "\\ud800\\ud800")) {
            cases.add(write("name with " + escape, writes.get(0), utf8("{\"name\": \"A" + escape + "B\"}")));
            cases.add(write("category with " + escape, writes.get(0), utf8("{\"name\": \"Fine\", \"category\": \"A" + escape + "\"}")));
        }
        cases.add(write("description with NUL", writes.get(0), utf8("{\"name\": \"Fine\", \"description\": \"a\\u0000b\"}")));
        cases.add(write("raw NUL byte in a string", writes.get(0), utf8("{\"name\": \"A\u0000B\"}")));
        cases.add(write("raw NUL byte in a patch", writes.get(2), utf8("{\"description\": \"A\u0000B\"}")));
        // Invalid UTF-8.
        List<byte[]> invalidUtf8 = List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82});
        for (byte[] bad : invalidUtf8) {
            for (String[] endpoint : List.of(writes.get(0), writes.get(2), writes.get(4))) {
                String field = endpoint[1].endsWith("imports") ? "category" : "name";
                String prefix = endpoint[1].endsWith("imports") ? "{\"urls\": [\"https://a.example/\"], \"" : "{\"";
                cases.add(write("invalid UTF-8 " + hex(bad) + " to " + endpoint[1], endpoint, concat(utf8(prefix + field + "\": \"A"), bad, utf8("\"}"))));
            }
        }
        cases.add(write("UTF-16 body", new String[] {"POST", "/skills", "application/json; charset=utf-16"},
                "{\"name\": \"A\"}".getBytes(StandardCharsets.UTF_16)));
        cases.add(write("Latin-1 body", new String[] {"POST", "/skills", "application/json; charset=iso-8859-1"},
                "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)));
        // 10 MB bodies.
        byte[] tenMegabytes = utf8("{\"name\": \"A\", \"description\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}");
        for (String[] endpoint : writes) {
            cases.add(write("10 MB body to " + endpoint[0] + " " + endpoint[1], endpoint, tenMegabytes));
        }
        cases.add(new Case("10 MB chunked body", chunked("POST", "/skills", tenMegabytes), true));
        // Request smuggling and broken framing.
        cases.add(new Case("two different Content-Lengths", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 13\r\nContent-Length: 40\r\nConnection: close\r\n\r\n{\"name\":\"A\"}"), true));
        cases.add(new Case("Content-Length and chunked", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\nGET /skills HTTP/1.1\r\n\r\n"), true));
        cases.add(new Case("bad chunk size", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{\"name\":\"A\"}\r\n0\r\n\r\n"), true));
        cases.add(new Case("negative Content-Length", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: -1\r\nConnection: close\r\n\r\n{}"), true));
        cases.add(new Case("Content-Length not a number", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: abc\r\nConnection: close\r\n\r\n{}"), true));
        cases.add(new Case("Content-Length shorter than the body", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5\r\nConnection: close\r\n\r\n{\"name\": \"Smuggled\"}"), true));
        cases.add(new Case("unknown Transfer-Encoding", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: gzip, identity\r\nConnection: close\r\n\r\n{\"name\":\"A\"}"), true));
        cases.add(new Case("Expect 100-continue with a 20 MB length", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Expect: 100-continue\r\nContent-Length: 20000000\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("garbage request line", raw("\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003\r\n\r\n"), false));
        cases.add(new Case("HTTP/2 preface on HTTP/1.1", raw("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"), false));
        cases.add(new Case("request line with extra spaces", raw("GET  /skills  HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("lower-case method", raw("get /skills HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), false));
        for (String method : List.of("TRACE", "PROPFIND", "CONNECT", "GETT", "DELETE", "PUT")) {
            cases.add(new Case(method + " /skills", raw(method + " /skills HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                    !method.equals("TRACE")));
        }
        cases.add(new Case("HTTP/1.0 without Host", raw("GET /skills HTTP/1.0\r\n\r\n"), false));
        cases.add(new Case("HTTP/9.9", raw("GET /skills HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"), false));
        // Header floods and odd headers.
        StringBuilder flood = new StringBuilder("GET /skills HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("X-Flood-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        cases.add(new Case("2000 headers", raw(flood.append("\r\n").toString()), false));
        cases.add(new Case("one 100 KB header", raw("GET /skills HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(100_000) + "\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("100 KB of cookies", raw("GET /skills HTTP/1.1\r\nHost: x\r\nCookie: " + "c=1; ".repeat(20_000) + "\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("header name with a space", raw("GET /skills HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("folded header line", raw("GET /skills HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n folded\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("X-Request-Id of 10000 characters", raw("GET /skills HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + "r".repeat(10_000)
                + "\r\nConnection: close\r\n\r\n"), false));
        cases.add(new Case("X-Request-Id with invalid UTF-8", concat(utf8("GET /skills HTTP/1.1\r\nHost: x\r\nX-Request-Id: a"),
                new byte[] {(byte) 0xFF, (byte) 0xC0}, utf8("\r\nConnection: close\r\n\r\n")), false));
        cases.add(new Case("X-Request-Id with markup", raw("GET /skills HTTP/1.1\r\nHost: x\r\nX-Request-Id: <script>alert(1)</script>\r\n"
                + "Connection: close\r\n\r\n"), false));
        for (String ifMatch : List.of("garbage", "W/", "\"", "\"1", "*, \"1\"", "\"" + "9".repeat(40) + "\"", "W/\"-1\"")) {
            cases.add(new Case("If-Match " + shortly(ifMatch), request("PUT", id, "application/json",
                    utf8("{\"name\": \"Changed\"}"), "If-Match: " + ifMatch), true));
        }
        for (String key : List.of("k".repeat(10_000), "", " ", "key\u007f", "ключ")) {
            cases.add(new Case("Idempotency-Key " + shortly(key), request("POST", "/skills", "application/json",
                    utf8("{\"name\": \"A\u0001\"}"), "Idempotency-Key: " + key), true));
        }
        cases.add(new Case("no Content-Type", raw("POST /skills HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\nConnection: close\r\n\r\n{\"name\":\"A\"}"), true));
        cases.add(new Case("Content-Type text/html", request("POST", "/skills", "text/html", utf8("<b>{\"name\":\"A\"}</b>")), true));
        cases.add(new Case("Content-Type garbage", request("POST", "/skills", ";;;===", utf8("{\"name\":\"A\"}")), true));
        cases.add(new Case("merge patch sent as JSON", request("PATCH", id, "application/json", utf8("{\"name\":\"A\"}")), true));
        // Path tricks.
        for (String path : List.of("/skills/../skills", "/skills/%2e%2e/%2e%2e/etc/passwd", "//skills", "/skills//1", id + "/", id + ";x=y",
                "/skills/%00", "/skills/1%0d%0aSet-Cookie:%20x=1", "/skills/" + "9".repeat(5000), "/" + "a".repeat(60_000), "/skills/%",
                "/skills/%zz", "/skills/%u0031", "/SKILLS", "/skills/1?%", "/skills?limit=5#fragment", "http://evil.example/skills",
                "/skills/1/../2", "/skills\\1", "/skills/%EF%BC%91", "/skills/0x1", "/skills/+1", "/skills/1e2", "/skills/%C0%AF",
                "/skills/imports/..%2F..%2Fskills", "/skills/imports/%00", "/skills/imports/" + "f".repeat(5000), "/swagger/../../etc/passwd",
                "/swagger-ui/%2e%2e/%2e%2e/application.yml", "/health/../skills", "/prometheus/..%2f..%2f")) {
            cases.add(new Case("GET " + shortly(path), raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), false));
        }
        cases.add(new Case("DELETE with a traversal", raw("DELETE /skills/..%2F1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), true));
        cases.add(new Case("raw invalid UTF-8 in the path", concat(utf8("GET /skills/"), new byte[] {(byte) 0xC3, (byte) 0x28},
                utf8(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")), false));
        // SQL- and script-looking parameters, and absurd ones.
        for (String query : List.of("q=%27%20OR%201%3D1--", "q=%25%27%3B%20DROP%20TABLE%20skill%3B--", "category=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
                "sort=id%3BDROP%20TABLE%20skill", "order=asc%2Cid", "limit=1%3BSELECT%201", "after=%27%20OR%20%271%27%3D%271", "q=%5C", "q=%25",
                "q=_", "q=%00", "category=%00", "limit=1e10", "limit=0x10", "limit=%2B5", "limit=%205", "limit[]=5", "limit=5&limit=6",
                "offset=-0", "offset=9223372036854775807", "after=AAAA", "after=%00", "sort=", "order=DESC", "q=" + "q".repeat(20_000),
                "x=" + "&x=".repeat(5000), "q=%", "q=%zz", "category=" + "c".repeat(60), "after=" + "A".repeat(5000), "limit=5&offset=5&after=AAAA",
                "q=%F0%9F%98%80%F0", "q=%ED%A0%80")) {
            cases.add(new Case("GET /skills?" + shortly(query), raw("GET /skills?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), false));
        }
        return cases.stream();
    }

    private static Case write(String name, String[] endpoint, byte[] body) {
        return new Case(name, request(endpoint[0], endpoint[1], endpoint[2], body), true);
    }

    private static byte[] request(String method, String path, String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(body.length).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return concat(utf8(head.append("\r\n").toString()), body);
    }

    private static byte[] chunked(String method, String path, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"));
        for (int at = 0; at < body.length; at += 65_536) {
            int size = Math.min(65_536, body.length - at);
            out.writeBytes(utf8(Integer.toHexString(size) + "\r\n"));
            out.write(body, at, size);
            out.writeBytes(utf8("\r\n"));
        }
        out.writeBytes(utf8("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b));
        }
        return text.toString();
    }

    private static String shortly(String text) {
        String visible = text.replaceAll("\\p{Cntrl}", "?");
        return "'" + (visible.length() > 40 ? visible.substring(0, 40) + "...(" + text.length() + ")" : visible) + "'";
    }
}
