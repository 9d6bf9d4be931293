package org.bigstep.activation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** phi' against central differences of phi, phi'' against central differences of phi', in double. */
class ActivationDerivativesTest {

    static Stream<String> specs() {
        return Stream.of("softplus", "leaky-softplus", "gelu", "gelu-tanh", "silu", "huber-relu", "huber-relu:h=0.5",
                "huber-relu:h=3", "sigmoid", "relu", "leaky:c=0.6,base=gelu", "leaky:c=0.5,base=softplus",
                "leaky:c=0.9,base=silu", "leaky:c=0.75,base=huber-relu:h=2", "leaky:c=0.6,base=sigmoid",
                "leaky:c=0.6,base=gelu-tanh");
    }

    /** A grid over [-50, 50] that does not hit 0 or simple kinks, plus large |z|. */
    static List<Double> grid() {
        List<Double> z = new ArrayList<>();
        for (double v = -50.013; v <= 50; v += 0.0731) {
            z.add(v);
        }
        for (double v : new double[] {100, 1e3, 1e4, 1e6}) {
            z.add(v);
            z.add(-v);
        }
        return z;
    }

    /** Points where phi' or phi'' is not differentiable (huber's 0 and h, relu's 0), for every base. */
    private static boolean nearKink(Activation phi, double z, double h) {
        Activation a = phi.kind() == Activation.Kind.LEAKY ? phi.base() : phi;
        double w = 2 * h;
        if (a.kind() == Activation.Kind.RELU) {
            return Math.abs(z) <= w;
        }
        if (a.kind() == Activation.Kind.HUBER_RELU) {
            return Math.abs(z) <= w || Math.abs(z - a.parameter()) <= w;
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("specs")
    void firstDerivativeMatchesCentralDifferences(String spec) {
        Activation phi = Activations.parse(spec);
        for (double z : grid()) {
            double h = 1e-5 * Math.max(1, Math.abs(z));
            if (nearKink(phi, z, h)) {
                continue;
            }
            double fd = (phi.value(z + h) - phi.value(z - h)) / (2 * h);
            double exact = phi.derivative(z);
            // truncation h^2 phi'''/6 ~ 1e-10, rounding eps |phi| / h ~ 1e-11 |phi|/max(1,|z|)
            double tol = 1e-7 * (1 + Math.abs(exact)) + 1e-15 * Math.abs(phi.value(z)) / h;
            assertTrue(Math.abs(fd - exact) <= tol,
                    spec + ": phi'(" + z + ") = " + exact + " but central difference gives " + fd);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void secondDerivativeMatchesCentralDifferencesOfTheFirst(String spec) {
        Activation phi = Activations.parse(spec);
        for (double z : grid()) {
            double h = 1e-5 * Math.max(1, Math.abs(z));
            if (nearKink(phi, z, h)) {
                continue;
            }
            double fd = (phi.derivative(z + h) - phi.derivative(z - h)) / (2 * h);
            double exact = phi.secondDerivative(z);
            double tol = 1e-7 * (1 + Math.abs(exact)) + 1e-15 * Math.abs(phi.derivative(z)) / h;
            assertTrue(Math.abs(fd - exact) <= tol,
                    spec + ": phi''(" + z + ") = " + exact + " but central difference of phi' gives " + fd);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everythingIsFiniteOverTheWholeFloatRange(String spec) {
        Activation phi = Activations.parse(spec);
        double[] zs = {0, Double.MIN_VALUE, 1e-30, 1, 88, 89, 710, 1e10, 1e20, Float.MAX_VALUE};
        for (double a : zs) {
            for (double z : new double[] {a, -a}) {
                double v = phi.value(z);
                double d1 = phi.derivative(z);
                double d2 = phi.secondDerivative(z);
                boolean reluAtZero = phi.kind() == Activation.Kind.RELU && z == 0;
                assertTrue(Double.isFinite(v) && Double.isFinite(d1) && (Double.isFinite(d2) || reluAtZero),
                        spec + " at z=" + z + ": phi=" + v + ", phi'=" + d1 + ", phi''=" + d2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void derivativeIsBoundedByTheComputedConstants(String spec) {
        Activation phi = Activations.parse(spec);
        ActivationConstants c = phi.constants();
        for (double z : grid()) {
            double d1 = phi.derivative(z);
            assertTrue(Math.abs(d1) <= c.maxSlope() * (1 + 1e-12), spec + ": |phi'(" + z + ")| = " + d1 + " > maxSlope " + c.maxSlope());
            assertTrue(d1 >= c.minSlope() - 1e-12 * Math.abs(c.minSlope()), spec + ": phi'(" + z + ") = " + d1 + " < minSlope " + c.minSlope());
            if (phi.smooth()) {
                double d2 = Math.abs(phi.secondDerivative(z));
                assertTrue(d2 <= c.maxCurvature() * (1 + 1e-12), spec + ": |phi''(" + z + ")| = " + d2 + " > " + c.maxCurvature());
            }
            double k = Math.abs(phi.value(z) - z * d1);
            assertTrue(k <= c.kappa() * (1 + 1e-9) + 1e-12, spec + ": |phi - z phi'| at " + z + " = " + k + " > kappa " + c.kappa());
        }
    }
}
