package org.bigstep.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parses {@code NAME[:k=v,...]} specs such as {@code separable:n=100,d=5,seed=1}. */
public final class Specs {

    private final String spec;
    private final String name;
    private final Map<String, String> params;

    private Specs(String spec, String name, Map<String, String> params) {
        this.spec = spec;
        this.name = name;
        this.params = params;
    }

    public static Specs parse(String spec) {
        String s = spec.trim();
        int colon = s.indexOf(':');
        String name = (colon < 0 ? s : s.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        if (colon >= 0 && colon < s.length() - 1) {
            for (String part : s.substring(colon + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + spec + "': expected key=value, found '" + part + "'");
                }
                params.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        return new Specs(spec, name, params);
    }

    public String name() {
        return name;
    }

    /** Fails naming the unexpected key unless every key is in {@code allowed}. */
    public Specs allow(List<String> allowed) {
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("'" + spec + "': unknown parameter '" + key + "'; "
                        + (allowed.isEmpty() ? name + " takes none" : "expected " + String.join(", ", allowed)));
            }
        }
        return this;
    }

    public double number(String key, double fallback) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double x = Double.parseDouble(v);
            if (!Double.isFinite(x)) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': expected a finite number for " + key + ", found '" + v + "'");
        }
    }

    public long integer(String key, long fallback) {
        String v = params.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': expected an integer for " + key + ", found '" + v + "'");
        }
    }

    public boolean has(String key) {
        return params.containsKey(key);
    }

    public String text(String key, String fallback) {
        return params.getOrDefault(key, fallback);
    }
}
