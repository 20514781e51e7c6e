package io.github.entitymigrations.runner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of what we print: a JDBC URL with its user info ({@code //user:pw@host}) and its
 * secret parameters ({@code password=}, {@code sslpassword=}, {@code pwd=}...) masked, and any text scrubbed
 * of the known secret strings, the last line of defence against a driver that echoes them.
 */
public final class Secrets {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    /**
     * Parameters whose value is a secret, by name (case-insensitive): PostgreSQL's {@code password} and
     * {@code sslpassword}, the {@code pwd}/{@code passwd} spellings of other drivers, tokens, keys that are
     * secrets by name. Not {@code sslkey}/{@code sslcert}: those are file paths, needed to debug a failure.
     */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;])([^=&;?]*(?:password|passwd|pwd|secret|token|credential|apikey|api_key)[^=&;?]*)=([^&;]*)");

    private Secrets() {
    }

    /** The URL with user info and secret parameters masked; {@code null} stays {@code null}. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = url;
        int[] userInfo = userInfo(masked);
        if (userInfo != null) {
            String info = masked.substring(userInfo[0], userInfo[1]);
            int colon = info.indexOf(':');
            String shown = colon < 0 ? MASK : info.substring(0, colon) + ":" + MASK;
            masked = masked.substring(0, userInfo[0]) + shown + masked.substring(userInfo[1]);
        }
        return SECRET_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(2) + "=" + MASK));
    }

    /** Whether the URL carries credentials before its host ({@code //user:pw@host}). */
    public static boolean hasUserInfo(String url) {
        return url != null && userInfo(url) != null;
    }

    /** The secrets a URL holds: the password of its user info and the values of its secret parameters. */
    public static List<String> inUrl(String url) {
        List<String> found = new ArrayList<>();
        if (url == null) {
            return found;
        }
        int[] userInfo = userInfo(url);
        if (userInfo != null) {
            String info = url.substring(userInfo[0], userInfo[1]);
            int colon = info.indexOf(':');
            found.add(colon < 0 ? info : info.substring(colon + 1));
        }
        Matcher m = SECRET_PARAMETER.matcher(url);
        while (m.find()) {
            found.add(m.group(3));
        }
        return found;
    }

    /**
     * The text with the URL replaced by its masked form and every secret (as given and URL-decoded) replaced by
     * {@link #MASK}. Longer secrets first, so one that contains another is masked whole.
     */
    public static String scrub(String text, String url, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = url == null || url.isEmpty() ? text : text.replace(url, maskUrl(url));
        Set<String> all = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                all.add(secret);
                all.add(decoded(secret));
            }
        }
        List<String> longestFirst = new ArrayList<>(all);
        longestFirst.sort((a, b) -> b.length() - a.length());
        for (String secret : longestFirst) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /**
     * A copy of the exception chain whose messages are scrubbed, keeping each class name and stack trace, so
     * {@code mvn -e} still shows where a failure came from without printing a secret.
     */
    public static Throwable scrub(Throwable error, String url, List<String> secrets) {
        if (error == null) {
            return null;
        }
        String message = error.getMessage() == null ? null : scrub(error.getMessage(), url, secrets);
        Throwable copy = new ScrubbedException(error.getClass().getName(), message, scrub(error.getCause(), url, secrets));
        copy.setStackTrace(error.getStackTrace());
        for (Throwable suppressed : error.getSuppressed()) {
            copy.addSuppressed(scrub(suppressed, url, secrets));
        }
        return copy;
    }

    /** Start and end of the user info after {@code //}, up to the last {@code @} before the query; or null. */
    private static int[] userInfo(String url) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        int start = slashes + 2;
        int query = indexOfAny(url, start, '?', ';');
        int at = url.lastIndexOf('@', query - 1);
        return at < start ? null : new int[] {start, at};
    }

    private static int indexOfAny(String text, int from, char... chars) {
        int first = text.length();
        for (char c : chars) {
            int i = text.indexOf(c, from);
            if (i >= 0 && i < first) {
                first = i;
            }
        }
        return first;
    }

    private static String decoded(String secret) {
        try {
            return URLDecoder.decode(secret, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return secret; // not URL-encoded (a stray %): the secret as given is masked anyway
        }
    }

    /** A scrubbed copy of an exception, shown (in stack traces) under the original class name. */
    private static final class ScrubbedException extends Exception {
        private final String originalClass;

        ScrubbedException(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
