package dev.tend.systemtests.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The protobuf wire format, as much of it as reading OTLP needs: a message's fields, one level deep. */
final class Wire {

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    /** {@code bytes}: a length-delimited field's content (a string, bytes or an embedded message); else empty. */
    record Field(int number, int wireType, long varint, byte[] bytes) {

        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Wire() {
    }

    static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] position = {0};
        while (position[0] < message.length) {
            long tag = varint(message, position);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case VARINT -> fields.add(new Field(number, wireType, varint(message, position), new byte[0]));
                case FIXED64 -> {
                    fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(message, position[0], position[0] + 8)));
                    position[0] += 8;
                }
                case LENGTH_DELIMITED -> {
                    int length = (int) varint(message, position);
                    if (length < 0 || position[0] + length > message.length) {
                        throw new IllegalArgumentException("Field " + number + " runs past the message's end");
                    }
                    fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(message, position[0], position[0] + length)));
                    position[0] += length;
                }
                case FIXED32 -> {
                    fields.add(new Field(number, wireType, 0, Arrays.copyOfRange(message, position[0], position[0] + 4)));
                    position[0] += 4;
                }
                default -> throw new IllegalArgumentException("Unsupported wire type " + wireType + " (field " + number + ")");
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] position) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position[0] >= message.length) {
                throw new IllegalArgumentException("Truncated varint");
            }
            byte b = message[position[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Malformed varint");
    }
}
