package dev.tend.notification.email;

import dev.tend.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-message {@code Reply-To: reply+<token>@<reply domain>} of every email we send. The token is the
 * notification id and a truncated HMAC of it, in lower-case hex (mail systems may change the case of a local
 * part), so a reply names the message it answers, and its household, even when written from another address, and
 * nobody can make up a token for a message they were not sent.
 */
@ApplicationScoped
public class ReplyAddresses {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAC_BYTES = 10;
    private static final Pattern ADDRESS = Pattern.compile("reply\\+([0-9a-f]{32})([0-9a-f]{" + 2 * MAC_BYTES + "})@",
            Pattern.CASE_INSENSITIVE);

    private final NotificationConfig config;

    public ReplyAddresses(NotificationConfig config) {
        this.config = config;
    }

    /** Empty when no reply domain is configured. */
    public Optional<String> replyTo(UUID notificationId) {
        return config.replies().domain().map(domain -> {
            String id = notificationId.toString().replace("-", "");
            return "reply+" + id + HEX.formatHex(mac(id)) + "@" + domain;
        });
    }

    /** The notification a reply address names, if the address is one of ours and its signature holds. */
    public Optional<UUID> notificationOf(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher matcher = ADDRESS.matcher(address);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String id = matcher.group(1).toLowerCase(Locale.ROOT);
        byte[] given = HEX.parseHex(matcher.group(2).toLowerCase(Locale.ROOT));
        if (!MessageDigest.isEqual(mac(id), given)) {
            return Optional.empty();
        }
        return Optional.of(new UUID(Long.parseUnsignedLong(id.substring(0, 16), 16),
                Long.parseUnsignedLong(id.substring(16), 16)));
    }

    private byte[] mac(String id) {
        byte[] full = Hmac.sha256(config.replies().signingKey(), "reply|" + id);
        byte[] truncated = new byte[MAC_BYTES];
        System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
        return truncated;
    }
}
