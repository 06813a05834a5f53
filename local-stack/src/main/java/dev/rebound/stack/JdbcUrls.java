package dev.rebound.stack;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Reads the PostgreSQL address people give: a JDBC URL, or a libpq URI with the user and password in it. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    static StackService.Database parse(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new StackService.Database(url, user == null ? "postgres" : user, password == null ? "" : password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri = URI.create(url);
            String userInfo = uri.getRawUserInfo();
            String uriUser = null;
            String uriPassword = null;
            if (userInfo != null) {
                String[] parts = userInfo.split(":", 2);
                uriUser = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
                uriPassword = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
            }
            String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return new StackService.Database(jdbc, user != null ? user : uriUser != null ? uriUser : "postgres",
                    password != null ? password : uriPassword != null ? uriPassword : "");
        }
        throw new IllegalArgumentException("REBOUND_DATABASE_URL must be jdbc:postgresql://… or postgresql://…, not "
                + masked(url));
    }

    /** The URL with any password in it replaced by {@code ****}, for printing. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("(://[^:/@]+:)[^@/]*@", "$1****@");
    }
}
