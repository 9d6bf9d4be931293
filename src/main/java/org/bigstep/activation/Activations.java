package org.bigstep.activation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The activations of PAPER.md's table, by name: {@code softplus}, {@code leaky-softplus}, {@code gelu},
 * {@code gelu-tanh}, {@code silu}, {@code huber-relu[:h=H]}, {@code sigmoid}, {@code relu} and
 * {@code leaky:c=C,base=NAME} (Example 3.1: c z + ((1-c)/4) phi(z)).
 */
public final class Activations {

    /** Every base name {@link #parse} accepts, in the order of PAPER.md's table. */
    public static final List<String> NAMES = List.of(
            "softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu", "sigmoid", "relu", "leaky");

    private Activations() {
    }

    /**
     * Parses {@code NAME[:k=v,...]}.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Activation parse(String spec) {
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        String name = (colon < 0 ? trimmed : trimmed.substring(0, colon)).toLowerCase(Locale.ROOT);
        Map<String, String> params = colon < 0 ? Map.of() : parameters(trimmed.substring(colon + 1), spec);
        switch (name) {
            case "softplus": return noParams(name, params, new Softplus());
            case "leaky-softplus": return noParams(name, params, new LeakySoftplus());
            case "gelu": return noParams(name, params, new Gelu());
            case "gelu-tanh": return noParams(name, params, new GeluTanh());
            case "silu": return noParams(name, params, new Silu());
            case "sigmoid": return noParams(name, params, new Sigmoid());
            case "relu": return noParams(name, params, new Relu());
            case "huber-relu": {
                checkKeys(name, params, List.of("h"));
                double h = number(params.getOrDefault("h", "1"), "h", spec);
                if (!(h > 0) || Double.isInfinite(h)) {
                    throw new IllegalArgumentException("activation '" + spec + "': expected h > 0, found h=" + params.get("h"));
                }
                return new HuberRelu(h);
            }
            case "leaky": {
                checkKeys(name, params, List.of("c", "base"));
                String baseName = params.getOrDefault("base", "softplus");
                Activation base = parse(baseName);
                if (base.kind() == Activation.Kind.LEAKY) {
                    throw new IllegalArgumentException("activation '" + spec + "': base must not itself be leaky");
                }
                double c = number(params.getOrDefault("c", "0.5"), "c", spec);
                if (!(c >= 0.5 && c < 1)) {
                    throw new IllegalArgumentException("activation '" + spec + "': expected 0.5 <= c < 1, found c=" + params.get("c"));
                }
                return new Leaky(c, base);
            }
            default:
                throw new IllegalArgumentException("unknown activation '" + spec + "'; expected one of "
                        + String.join(", ", NAMES) + " (huber-relu:h=H, leaky:c=C,base=NAME take parameters)");
        }
    }

    private static Map<String, String> parameters(String text, String spec) {
        Map<String, String> params = new LinkedHashMap<>();
        // base=NAME may itself carry ':' parameters (leaky:c=0.5,base=huber-relu:h=2), so split on ',' only
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("activation '" + spec + "': expected key=value, found '" + part + "'");
            }
            params.put(part.substring(0, eq).trim().toLowerCase(Locale.ROOT), part.substring(eq + 1).trim());
        }
        return params;
    }

    private static Activation noParams(String name, Map<String, String> params, Activation a) {
        checkKeys(name, params, List.of());
        return a;
    }

    private static void checkKeys(String name, Map<String, String> params, List<String> allowed) {
        for (String key : params.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("activation '" + name + "' takes "
                        + (allowed.isEmpty() ? "no parameters" : "parameters " + allowed) + ", found '" + key + "'");
            }
        }
    }

    private static double number(String text, String key, String spec) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("activation '" + spec + "': expected a number for " + key + ", found '" + text + "'");
        }
    }

    /** Logistic sigmoid, stable for any sign. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** log(1 + e^z) without overflow or loss of the small tail. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** Caches the numerically computed constants; equality is by canonical name. */
    abstract static class Base implements Activation {
        private volatile ActivationConstants constants;

        @Override
        public ActivationConstants constants() {
            ActivationConstants c = constants;
            if (c == null) {
                c = ActivationConstants.of(this);
                constants = c;
            }
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Activation && ((Activation) o).name().equals(name());
        }

        @Override
        public int hashCode() {
            return name().hashCode();
        }

        @Override
        public String toString() {
            return name();
        }
    }

    static final class Softplus extends Base {
        public Kind kind() { return Kind.SOFTPLUS; }
        public String name() { return "softplus"; }
        public double value(double z) { return softplus(z); }
        public double derivative(double z) { return sigmoid(z); }
        public double secondDerivative(double z) { double s = sigmoid(z); return s * (1 - s); }
    }

    /** (z + softplus(z)) / 2, the form the paper's experiment uses. */
    static final class LeakySoftplus extends Base {
        public Kind kind() { return Kind.LEAKY_SOFTPLUS; }
        public String name() { return "leaky-softplus"; }
        public double value(double z) { return 0.5 * (z + softplus(z)); }
        public double derivative(double z) { return 0.5 * (1 + sigmoid(z)); }
        public double secondDerivative(double z) { double s = sigmoid(z); return 0.5 * s * (1 - s); }
    }

    /** z Phi(z) with Phi the standard normal CDF. */
    static final class Gelu extends Base {
        public Kind kind() { return Kind.GELU; }
        public String name() { return "gelu"; }
        public double value(double z) { return z * SpecialFunctions.normalCdf(z); }
        public double derivative(double z) { return SpecialFunctions.normalCdf(z) + z * SpecialFunctions.normalPdf(z); }
        public double secondDerivative(double z) { return (2 - z * z) * SpecialFunctions.normalPdf(z); }
    }

    /** 0.5 z (1 + tanh(u)), u = sqrt(2/pi)(z + 0.044715 z^3). */
    static final class GeluTanh extends Base {
        static final double K = Math.sqrt(2 / Math.PI);
        static final double A = 0.044715;
        public Kind kind() { return Kind.GELU_TANH; }
        public String name() { return "gelu-tanh"; }
        public double value(double z) { return 0.5 * z * (1 + Math.tanh(K * (z + A * z * z * z))); }
        public double derivative(double z) {
            double t = Math.tanh(K * (z + A * z * z * z));
            double du = K * (1 + 3 * A * z * z);
            return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * du;
        }
        public double secondDerivative(double z) {
            double t = Math.tanh(K * (z + A * z * z * z));
            double sech2 = 1 - t * t;
            double du = K * (1 + 3 * A * z * z);
            double d2u = K * 6 * A * z;
            // d/dz [0.5(1+t) + 0.5 z sech2 du] with dt/dz = sech2 du and d(sech2)/dz = -2 t sech2 du
            return sech2 * du + 0.5 * z * (sech2 * d2u - 2 * t * sech2 * du * du);
        }
    }

    /** z sigmoid(z). */
    static final class Silu extends Base {
        public Kind kind() { return Kind.SILU; }
        public String name() { return "silu"; }
        public double value(double z) { return z * sigmoid(z); }
        public double derivative(double z) { double s = sigmoid(z); return s * (1 + z * (1 - s)); }
        public double secondDerivative(double z) { double s = sigmoid(z); return s * (1 - s) * (2 + z * (1 - 2 * s)); }
    }

    /** 0 below 0, z^2/(2h) on [0, h], z - h/2 above. */
    static final class HuberRelu extends Base {
        private final double h;
        HuberRelu(double h) { this.h = h; }
        public Kind kind() { return Kind.HUBER_RELU; }
        public String name() { return "huber-relu:h=" + h; }
        @Override public double parameter() { return h; }
        public double value(double z) { return z <= 0 ? 0 : z <= h ? z * z / (2 * h) : z - h / 2; }
        public double derivative(double z) { return z <= 0 ? 0 : z <= h ? z / h : 1; }
        public double secondDerivative(double z) { return z <= 0 || z > h ? 0 : 1 / h; }
    }

    static final class Sigmoid extends Base {
        public Kind kind() { return Kind.SIGMOID; }
        public String name() { return "sigmoid"; }
        public double value(double z) { return sigmoid(z); }
        public double derivative(double z) { double s = sigmoid(z); return s * (1 - s); }
        public double secondDerivative(double z) { double s = sigmoid(z); return s * (1 - s) * (1 - 2 * s); }
    }

    /** The homogeneous, non-smooth baseline; phi'(0) is taken as 0. */
    static final class Relu extends Base {
        public Kind kind() { return Kind.RELU; }
        public String name() { return "relu"; }
        @Override public boolean smooth() { return false; }
        public double value(double z) { return z > 0 ? z : 0; }
        public double derivative(double z) { return z > 0 ? 1 : 0; }
        public double secondDerivative(double z) { return z == 0 ? Double.POSITIVE_INFINITY : 0; }
    }

    /** Example 3.1: c z + ((1 - c)/4) phi(z), slope at least c (times phi's own minimum) everywhere. */
    static final class Leaky extends Base {
        private final double c;
        private final Activation base;
        Leaky(double c, Activation base) { this.c = c; this.base = base; }
        public Kind kind() { return Kind.LEAKY; }
        public String name() { return "leaky:c=" + c + ",base=" + base.name(); }
        @Override public double parameter() { return c; }
        @Override public Activation base() { return base; }
        @Override public boolean smooth() { return base.smooth(); }
        public double value(double z) { return c * z + (1 - c) / 4 * base.value(z); }
        public double derivative(double z) { return c + (1 - c) / 4 * base.derivative(z); }
        public double secondDerivative(double z) { return (1 - c) / 4 * base.secondDerivative(z); }
    }
}
