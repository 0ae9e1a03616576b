package dev.tend.console;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping client for the console's HTML pages, as a browser without JavaScript would use them. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final Map<String, String> cookies = new HashMap<>();

    Response get(String path) {
        Response response = RestAssured.given().redirects().follow(false).cookies(cookies).get(path);
        keep(response);
        return response;
    }

    Response post(String path, Map<String, String> form) {
        Response response = RestAssured.given().redirects().follow(false).cookies(cookies)
                .contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        keep(response);
        return response;
    }

    /** Posts the form with the CSRF token of the page at {@code pagePath}, as a real browser would. */
    Response submit(String pagePath, String action, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", csrfOf(get(pagePath).asString()));
        return post(action, form);
    }

    Response signIn(String username, String password) {
        return submit("/sign-in", "/sign-in", Map.of("username", username, "password", password));
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF field on the page:\n" + html);
        }
        return matcher.group(1);
    }

    private void keep(Response response) {
        response.getDetailedCookies().asList().forEach(cookie -> {
            if (cookie.getValue() == null || cookie.getValue().isEmpty() || cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        });
    }
}
