package dev.tend.platform.observability;

import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Masks email addresses and phone numbers in every log line before it is written, whatever logged it
 * (our code, a library's exception message). Logs are shipped and kept far longer and wider than the
 * database they describe. Phones are masked in E.164 form, which is how Tend holds them; postal addresses
 * are never logged.
 */
@LoggingFilter(name = "pii-mask")
public final class PiiMaskingFilter implements Filter {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{4,12}(\\d{2})\\b");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null) {
                String masked = mask(message);
                if (!masked.equals(message)) {
                    ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
                    ext.setParameters(null);
                }
            }
        }
        return true;
    }

    public static String mask(String text) {
        String masked = EMAIL.matcher(text).replaceAll("$1***@***");
        return PHONE.matcher(masked).replaceAll("+***$1");
    }
}
