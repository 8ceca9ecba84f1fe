package org.teamfinder.skills.api.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.SkillPosition;
import org.teamfinder.skills.domain.skill.SkillQuery;

/**
 * The opaque {@code after} cursor of a listing: the position where a page ended, plus the order and
 * filters it belongs to, so a cursor cannot be used with another listing by mistake. Base64url of a
 * small binary record; clients must not build or read it.
 */
final class ListingCursor {

    private static final byte FORMAT = 2;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private ListingCursor() {
    }

    static String encode(SkillPosition position, SkillQuery query) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(query.sort().ordinal());
            out.writeByte(query.direction().ordinal());
            out.writeInt(filters(query));
            out.writeLong(position.id());
            out.writeLong(position.createdAt().getEpochSecond());
            out.writeInt(position.createdAt().getNano());
            out.writeUTF(position.name());
            out.writeLong(position.popularity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ENCODER.encodeToString(bytes.toByteArray());
    }

    /** The position a cursor holds, if it was issued for a listing with the same order and filters as {@code query}. */
    static SkillPosition decode(String cursor, SkillQuery query) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this service issued; use the link in the Link header of the previous page");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw invalid("is not a cursor this service issued; use the link in the Link header of the previous page");
            }
            int sort = in.readByte();
            int direction = in.readByte();
            int filters = in.readInt();
            long id = in.readLong();
            Instant createdAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String name = in.readUTF();
            long popularity = in.readLong();
            if (in.available() > 0 || id < 1 || popularity < 0) {
                throw invalid("is not a cursor this service issued; use the link in the Link header of the previous page");
            }
            if (sort != query.sort().ordinal() || direction != query.direction().ordinal() || filters != filters(query)) {
                throw invalid("belongs to a listing with another sort, order, category or q; "
                        + "keep those parameters as they were, or start again without after");
            }
            return new SkillPosition(id, name, createdAt, popularity);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequest invalid) {
                throw invalid;
            }
            throw invalid("is not a cursor this service issued; use the link in the Link header of the previous page");
        }
    }

    private static int filters(SkillQuery query) {
        CRC32 crc = new CRC32();
        crc.update((query.category().orElse("") + '\u0000' + query.nameContains().orElse("")).getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private static InvalidRequest invalid(String message) {
        return new InvalidRequest("Query parameter after " + message + ".", List.of(new FieldProblem("after", message)));
    }
}
