package org.bigstep.kernel.vector;

import org.bigstep.activation.Activations;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.kernel.KernelChoice;
import org.bigstep.kernel.KernelSpec;
import org.bigstep.kernel.Kernels;
import org.bigstep.kernel.StepKernel;

/**
 * Run by KernelSelectionTest in a child JVM: builds two kernels with the automatic choice, evaluates a step with
 * each, and prints which kernel ran, so that the test can count the warnings on stderr. Touches no vector class,
 * so it also runs without jdk.incubator.vector.
 */
public final class NoVectorModuleMain {

    private NoVectorModuleMain() {
    }

    public static void main(String[] args) {
        Dataset data = BuiltinDatasets.xor();
        KernelSpec spec = new KernelSpec(data, Activations.parse("softplus"), new double[] {1, -1}, 1, 1);
        for (int run = 0; run < 2; run++) {
            try (StepKernel k = Kernels.create(spec, KernelChoice.AUTO)) {
                double loss = k.evaluate(new float[4], new float[data.size()], new float[4]);
                System.out.println("kernel=" + k.name() + " bits=" + k.vectorBits() + " loss=" + loss);
            }
        }
    }
}
