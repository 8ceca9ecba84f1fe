package org.teamfinder.skills.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends exactly the bytes a test gives over a plain socket and reads whatever comes back, for requests no
 * well-behaved HTTP client would send (invalid UTF-8 in the request line, conflicting lengths, header
 * floods). Reads until the server closes the connection (the requests ask it to) or the timeout passes.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** What came back: the status (absent if the server closed without answering), the header block and the body. */
    public record Answer(Optional<Integer> status, String head, byte[] body, boolean timedOut) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return Optional.of(line.substring(colon + 1).trim());
                }
            }
            return Optional.empty();
        }

        @Override
        public String toString() {
            String text = head + "\n" + bodyText();
            return timedOut ? "(no answer in time) " + text : text.length() > 600 ? text.substring(0, 600) + "..." : text;
        }
    }

    public static Answer exchange(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                // No half-close afterwards: a server may drop a connection whose input has ended before it answers.
                out.write(request);
                out.flush();
            } catch (IOException closedWhileSending) {
                // The server may answer (413, 400) and close before the whole request is sent; read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean timedOut = false;
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                    received.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException reset) {
                // a reset after the answer is fine; the answer is what counts
            }
            return parse(received.toByteArray(), timedOut);
        } catch (IOException e) {
            return new Answer(Optional.empty(), "connection failed: " + e, new byte[0], false);
        }
    }

    private static Answer parse(byte[] raw, boolean timedOut) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        // Skip interim answers such as "100 Continue".
        while (text.matches("(?s)HTTP/\\S+ 1\\d\\d .*") && text.contains("\r\n\r\n")) {
            int interimEnd = text.indexOf("\r\n\r\n") + 4;
            raw = java.util.Arrays.copyOfRange(raw, interimEnd, raw.length);
            text = text.substring(interimEnd);
        }
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(Optional.empty(), text, new byte[0], timedOut);
        }
        String head = text.substring(0, end);
        String[] statusLine = head.split("\r\n", 2)[0].split(" ");
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(Optional.of(Integer.parseInt(statusLine[1])), head, body, timedOut);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
