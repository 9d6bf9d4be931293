package org.bigstep.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigstep.activation.Activations;
import org.bigstep.cli.CliResult;
import org.bigstep.data.BuiltinDatasets;
import org.bigstep.data.Dataset;
import org.bigstep.io.Checkpoint;
import org.bigstep.margin.PhaseTracker;
import org.bigstep.margin.StepRecord;
import org.bigstep.model.TwoLayerNetwork;
import org.bigstep.training.GradientDescent;
import org.bigstep.training.StepListener;
import org.bigstep.training.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train --checkpoint / --resume in-process: the resumed outputs equal an uninterrupted run's, byte for byte. */
class ResumeTest {

    @TempDir
    Path dir;

    static CliResult run(String... args) {
        return CliResult.run(args);
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    /** The summary's fields that do not depend on time or threads. */
    static Map<String, String> deterministicSummary(Path summary) throws IOException {
        Map<String, String> m = new TreeMap<>();
        Matcher mt = Pattern.compile("\"([a-z_]+)\": ([^,\\n]+)").matcher(Files.readString(summary));
        while (mt.find()) {
            m.put(mt.group(1), mt.group(2));
        }
        m.keySet().removeAll(List.of("loop_seconds", "steps_per_second", "threads", "jdk"));
        return m;
    }

    private String[] trainArgs(String tag, long steps, long every) {
        List<String> a = new ArrayList<>(List.of("train", "--dataset", "separable:n=300,d=5,seed=8", "--width", "7",
                "--activation", "gelu", "--eta", "40", "--steps", Long.toString(steps), "--trace-every", "7",
                "--trace", p(tag + ".csv"), "--summary", p(tag + ".json"), "--save-model", p(tag + "-model.csv")));
        if (every > 0) {
            a.addAll(List.of("--checkpoint", p(tag + ".ckpt"), "--checkpoint-every", Long.toString(every)));
        }
        return a.toArray(new String[0]);
    }

    @Test
    void gradientDescentCallsBeforeStepAtAConsistentPoint() {
        Dataset data = BuiltinDatasets.xor();
        TwoLayerNetwork net = TwoLayerNetwork.initialize(4, 2, 1, 1, 1);
        List<String> calls = new ArrayList<>();
        new GradientDescent(new TrainingOptions(Activations.parse("softplus"), 50, 3, 1,
                org.bigstep.kernel.KernelChoice.SCALAR)).train(net, data, List.of(new StepListener() {
                    long seen = -1;

                    @Override
                    public void beforeStep(long step, TwoLayerNetwork network, PhaseTracker phases) {
                        assertEquals(seen + 1, step, "beforeStep(t) comes after onStep(t-1)");
                        calls.add("before " + step);
                    }

                    @Override
                    public void onStep(StepRecord record, TwoLayerNetwork network) {
                        seen = record.step();
                        calls.add("on " + record.step());
                    }
                }));
        assertEquals(List.of("before 0", "on 0", "before 1", "on 1", "before 2", "on 2", "before 3", "on 3"), calls);
    }

    @Test
    void resumedRunEqualsUninterruptedRunByteForByte() throws IOException {
        long steps = 300;
        CliResult full = run(trainArgs("full", steps, 0));
        assertEquals(0, full.code(), full.err());
        byte[] fullTrace = Files.readAllBytes(dir.resolve("full.csv"));
        // checkpoints every 40 steps: the last is before step 280; every 75: before 225; every 300: before the last step
        for (long every : new long[] {40, 75, 300}) {
            String tag = "run" + every;
            CliResult r = run(trainArgs(tag, steps, every));
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(fullTrace, Files.readAllBytes(dir.resolve(tag + ".csv")), "checkpointing changes no trace byte");
            Checkpoint c = Checkpoint.read(dir.resolve(tag + ".ckpt"));
            assertEquals(steps / every * every, c.step());
            // a crash after the checkpoint: the rest of the run is lost or half written, the summary and model never came
            Path trace = dir.resolve(tag + ".csv");
            Files.write(trace, "999,half a ro".getBytes(), StandardOpenOption.APPEND);
            Files.delete(dir.resolve(tag + ".json"));
            Files.delete(dir.resolve(tag + "-model.csv"));
            CliResult resumed = run("train", "--resume", p(tag + ".ckpt"), "--threads", "3");
            assertEquals(0, resumed.code(), resumed.err());
            assertArrayEquals(fullTrace, Files.readAllBytes(trace), "resumed from step " + c.step());
            assertArrayEquals(Files.readAllBytes(dir.resolve("full-model.csv")), Files.readAllBytes(dir.resolve(tag + "-model.csv")));
            assertEquals(deterministicSummary(dir.resolve("full.json")), deterministicSummary(dir.resolve(tag + ".json")));
        }
    }

    @Test
    void resumeIsAStepByStepContinuationOfTheEngine() {
        // the engine alone: the state saved before step t, restored, gives the same records as never stopping
        Dataset data = BuiltinDatasets.create("separable:n=200,d=4,seed=2");
        TrainingOptions o = new TrainingOptions(Activations.parse("softplus"), 25, 60, 2, org.bigstep.kernel.KernelChoice.SCALAR);
        List<String> uninterrupted = new ArrayList<>();
        TwoLayerNetwork a = TwoLayerNetwork.initialize(5, 4, 3, 1, 1);
        new GradientDescent(o).train(a, data, (r, n) -> uninterrupted.add(r.step() + " " + r.loss() + " " + r.gradNorm()));
        TwoLayerNetwork b = TwoLayerNetwork.initialize(5, 4, 3, 1, 1);
        List<String> resumed = new ArrayList<>();
        double[][] saved = new double[1][];
        Checkpoint.Phases[] phases = new Checkpoint.Phases[1];
        new GradientDescent(o.withThreads(1)).train(b, data, List.of(new StepListener() {
            @Override
            public void beforeStep(long step, TwoLayerNetwork network, PhaseTracker tracker) {
                if (step == 23) {
                    saved[0] = network.weights().clone();
                    phases[0] = Checkpoint.Phases.of(tracker);
                }
            }

            @Override
            public void onStep(StepRecord r, TwoLayerNetwork network) {
                if (r.step() < 23) {
                    resumed.add(r.step() + " " + r.loss() + " " + r.gradNorm());
                }
            }
        }));
        TwoLayerNetwork c = new TwoLayerNetwork(b.signs(), b.scale(), saved[0], 4);
        var result = new GradientDescent(o).train(c, data, 23, phases[0].tracker(),
                List.of((StepListener) (r, n) -> resumed.add(r.step() + " " + r.loss() + " " + r.gradNorm())));
        assertEquals(uninterrupted, resumed);
        assertArrayEquals(a.weights(), c.weights());
        assertEquals(37, result.updates());
    }

    @Test
    void resumeRefusesOtherOptionsDifferentDataAndAChangedTrace() throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x1,x2,label\n1,0.5,1\n-1,0.25,-1\n0.5,1,1\n-0.5,-1,-1\n");
        CliResult r = run("train", "--data", data.toString(), "--eta", "10", "--steps", "50", "--trace", p("t.csv"),
                "--checkpoint", p("c.ckpt"), "--checkpoint-every", "20");
        assertEquals(0, r.code(), r.err());
        Path saved = dir.resolve("saved.ckpt");
        Files.copy(dir.resolve("c.ckpt"), saved);

        CliResult extra = run("train", "--resume", saved.toString(), "--eta", "3");
        assertEquals(2, extra.code());
        assertTrue(extra.err().contains("--resume takes no other training option") && extra.err().contains("--eta"), extra.err());

        CliResult noData = run("train", "--eta", "3");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("--data FILE or --dataset"), noData.err());

        CliResult everyAlone = run("train", "--dataset", "xor", "--checkpoint-every", "3");
        assertEquals(2, everyAlone.code());
        assertTrue(everyAlone.err().contains("--checkpoint-every needs --checkpoint"), everyAlone.err());

        Files.copy(dir.resolve("t.csv"), dir.resolve("t.keep"));
        Files.writeString(dir.resolve("t.csv"), "step,loss\n0,1\n");
        CliResult changedTrace = run("train", "--resume", saved.toString());
        assertEquals(2, changedTrace.code());
        assertTrue(changedTrace.err().contains("t.csv") && changedTrace.err().contains("checkpoint"), changedTrace.err());
        Files.move(dir.resolve("t.keep"), dir.resolve("t.csv"), StandardCopyOption.REPLACE_EXISTING);

        Files.writeString(data, "x1,x2,label\n1,0.5,1\n-1,0.25,-1\n0.5,1,1\n-0.5,-1.0001,-1\n");
        CliResult otherData = run("train", "--resume", saved.toString());
        assertEquals(2, otherData.code());
        assertTrue(otherData.err().contains("refusing to resume against different data"), otherData.err());
        assertFalse(otherData.err().contains("Exception"), otherData.err());

        Files.writeString(saved, Files.readString(saved).replace("option.eta=10.0", "option.eta=11.0"));
        CliResult tampered = run("train", "--resume", saved.toString());
        assertEquals(2, tampered.code());
        assertTrue(tampered.err().contains("CRC"), tampered.err());
    }

    @Test
    void divergenceSavesTheLastFiniteStateAndKeepsTheTrace() throws IOException {
        Path data = dir.resolve("conflict.csv");
        Files.writeString(data, "x1,x2,label\n1,0,1\n1,0,-1\n0,1,1\n0.5,0.5,-1\n");
        String[] args = {"train", "--data", data.toString(), "--activation", "leaky:c=0.9,base=softplus", "--eta", "1e300",
            "--steps", "100", "--trace", p("t.csv"), "--checkpoint", p("c.ckpt"), "--checkpoint-every", "50"};
        CliResult r = run(args);
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("diverged at step 1") && r.err().contains("too large"), r.err());
        assertTrue(r.err().contains("last finite state") && r.err().contains("c.ckpt"), r.err());
        Checkpoint c = Checkpoint.read(dir.resolve("c.ckpt"));
        assertEquals(1, c.step());
        assertEquals(1, c.divergedStep());
        assertEquals(0, c.trace().lastRowStep());
        byte[] trace = Files.readAllBytes(dir.resolve("t.csv"));
        assertTrue(new String(trace).contains("\n1,NaN"), "the non-finite row is kept");
        // resuming reproduces the divergence and the same trace
        CliResult again = run("train", "--resume", p("c.ckpt"));
        assertEquals(3, again.code(), again.err());
        assertArrayEquals(trace, Files.readAllBytes(dir.resolve("t.csv")));
    }
    @Test
    void resumeRebuildsTheDataSelectionAndTheTestAccuracyColumn() throws IOException {
        String[] args = {"train", "--dataset", "separable:n=300,d=5,seed=8", "--subset", "200", "--no-stratify",
            "--test-fraction", "0.2", "--data-seed", "4", "--steps", "120", "--eta", "10", "--trace-every", "7",
            "--trace", p("sel.csv"), "--summary", p("sel.json"), "--checkpoint", p("sel.ckpt"), "--checkpoint-every", "50"};
        CliResult r = run(args);
        assertEquals(0, r.code(), r.err());
        byte[] full = Files.readAllBytes(dir.resolve("sel.csv"));
        assertTrue(new String(full).contains("test_accuracy"));
        Map<String, String> summary = deterministicSummary(dir.resolve("sel.json"));
        Files.write(dir.resolve("sel.csv"), "junk".getBytes(), StandardOpenOption.APPEND);
        CliResult resumed = run("train", "--resume", p("sel.ckpt"));
        assertEquals(0, resumed.code(), resumed.err());
        assertArrayEquals(full, Files.readAllBytes(dir.resolve("sel.csv")));
        assertEquals(summary, deterministicSummary(dir.resolve("sel.json")));
    }
}
