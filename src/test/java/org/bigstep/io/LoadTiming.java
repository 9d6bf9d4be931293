package org.bigstep.io;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Not a test: measures loading a full IDX set (docs/DATA.md quotes it). Run after {@code mvn test-compile}:
 * {@code java -Xmx300m -cp target/classes:target/test-classes org.bigstep.io.LoadTiming [DIR]} with DIR holding
 * Fashion-MNIST's train-{images-idx3,labels-idx1}-ubyte.gz (default: Debian's dataset-fashion-mnist).
 */
public final class LoadTiming {

    private LoadTiming() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        long t0 = System.nanoTime();
        LabeledSource s = IdxReader.open(DataFile.of(dir.resolve("train-images-idx3-ubyte.gz")),
                DataFile.of(dir.resolve("train-labels-idx1-ubyte.gz")));
        int[] all = new int[s.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] x = s.rows(all);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("n=%d d=%d: load %.3f s wall, %.3f s cpu; peak heap %.1f MiB (the float32 data is %.1f MiB)%n",
                s.size(), s.dimension(), wall, cpu, peak / 1048576.0, x.length * 4 / 1048576.0);
    }
}
