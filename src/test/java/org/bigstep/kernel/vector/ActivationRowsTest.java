package org.bigstep.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.bigstep.activation.Activation;
import org.bigstep.activation.Activations;
import org.junit.jupiter.api.Test;

/**
 * The vectorised phi and phi' of every activation against the double reference, with the maximum errors
 * that {@link ActivationRows}' documentation states. Error = |float - double| / max(1, |double|).
 */
class ActivationRowsTest {

    /** Documented bounds: {value, slope} per activation name. */
    static final Object[][] BOUNDS = {
        {"softplus", 3e-7, 2e-7},
        {"leaky-softplus", 3e-7, 2e-7},
        {"gelu", 5e-7, 5e-7},
        {"gelu-tanh", 3e-7, 4e-7},
        {"silu", 3e-7, 3e-7},
        {"huber-relu:h=0.5", 1.2e-7, 1.2e-7},
        {"sigmoid", 2e-7, 2e-7},
        {"relu", 0.0, 0.0},
        {"leaky:c=0.5,base=gelu", 3e-7, 3e-7},
        {"leaky:c=0.75,base=silu", 3e-7, 3e-7},
    };

    static float[] grid(int lanes, int thin) {
        List<Float> zs = new ArrayList<>();
        for (int i = -20000; i <= 20000; i += thin) {
            zs.add(i * 0.002f);
        }
        for (float e : new float[] {0f, -0f, 1e-30f, Float.MIN_VALUE, 1e-7f, 39.99f, 60f, 87.5f, 88.5f, 100f, 1e3f, 1e10f,
            1e30f, Float.MAX_VALUE}) {
            zs.add(e);
            zs.add(-e);
        }
        while (zs.size() % lanes != 0) {
            zs.add(0.5f);
        }
        float[] z = new float[zs.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = zs.get(i);
        }
        return z;
    }

    static RowActivation rows(Activation a, int bits) throws Throwable {
        VectorSpecies<Float> species = VectorSpecies.of(float.class, VectorShape.forBitSize(bits));
        MethodHandles.Lookup lookup = SpeciesTemplates.define(ActivationRows.class, species);
        return (RowActivation) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class, Activation.class))
                .invoke(a);
    }

    @Test
    void everyActivationWithinItsDocumentedError() throws Throwable {
        StringBuilder report = new StringBuilder();
        for (int bits : new int[] {128, 256, 512}) {
            // 512 bits runs in the JDK's slow Java fallback on AVX2 machines: a coarser grid there
            float[] z = grid(bits / 32, bits == 512 ? 16 : 1);
            float[] value = new float[z.length];
            float[] slope = new float[z.length];
            for (Object[] row : BOUNDS) {
                Activation a = Activations.parse((String) row[0]);
                rows(a, bits).apply(z, value, slope, 0, z.length);
                double worstValue = 0;
                double worstSlope = 0;
                for (int i = 0; i < z.length; i++) {
                    double v = a.value(z[i]);
                    double s = a.derivative(z[i]);
                    worstValue = Math.max(worstValue, error(value[i], v));
                    worstSlope = Math.max(worstSlope, error(slope[i], s));
                }
                report.append(String.format(Locale.ROOT, "%s %d bits: value %.2e slope %.2e%n", row[0], bits, worstValue, worstSlope));
                assertTrue(worstValue <= (double) row[1] && worstSlope <= (double) row[2],
                        row[0] + " at " + bits + " bits: value error " + worstValue + " (bound " + row[1] + "), slope error "
                                + worstSlope + " (bound " + row[2] + ")");
            }
        }
        System.out.print(report);
    }

    static double error(float got, double want) {
        if (Double.isInfinite(want)) {
            return got == want ? 0 : Double.POSITIVE_INFINITY;
        }
        double e = Math.abs(got - want) / Math.max(1, Math.abs(want));
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    @Test
    void expWithinTwoUlpsAndSoftplusRelativeWithinThree() throws Throwable {
        // the ordinary class runs at the preferred width; 16 floats are whole vectors at every width
        float[] a = new float[16];
        double worstExp = 0;
        for (float x = -87f; x <= 88f; x += 0.0371f) {
            java.util.Arrays.fill(a, x);
            ActivationRows.exp(a, 0, a.length);
            double want = Math.exp(x);
            for (float got : a) {
                worstExp = Math.max(worstExp, Math.abs(got - want) / Math.ulp((float) want));
            }
        }
        // softplus(z) = log1p(e^z) is e^z for very negative z: the logistic loss of a large margin, which must stay
        // accurate relative to itself (late training), not just to 1
        RowActivation softplus = rows(Activations.parse("softplus"), 128);
        float[] z = new float[4];
        float[] value = new float[4];
        float[] slope = new float[4];
        double worstSoftplus = 0;
        for (float x = -87f; x <= 0f; x += 0.0173f) {
            java.util.Arrays.fill(z, x);
            softplus.apply(z, value, slope, 0, z.length);
            double want = Math.log1p(Math.exp(x));
            worstSoftplus = Math.max(worstSoftplus, Math.abs(value[0] - want) / Math.ulp((float) want));
        }
        assertTrue(worstExp <= 2, "exp error " + worstExp + " ulp");
        assertTrue(worstSoftplus <= 3, "softplus error " + worstSoftplus + " ulp");
        System.out.printf(Locale.ROOT, "exp %.2f ulp, softplus below 0 %.2f ulp%n", worstExp, worstSoftplus);
    }
}
