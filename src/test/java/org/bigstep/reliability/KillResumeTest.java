package org.bigstep.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bigstep.io.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of a checkpointed run, then {@code train --resume}: the trace, model and
 * summary values equal an uninterrupted run's. The runs are separate JVMs started the way the launcher
 * starts them ({@code java --add-modules jdk.incubator.vector ... org.bigstep.cli.Main}), on this test's
 * class path, so no jar has to be built; {@link Process#destroyForcibly} is SIGKILL on Unix.
 */
class KillResumeTest {

    @TempDir
    Path dir;

    static final long STEPS = 6_000;

    private List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "org.bigstep.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private List<String> train(String tag) {
        return java("train", "--dataset", "separable:n=64,d=4,seed=5", "--width", "8", "--activation", "leaky-softplus",
                "--eta", "30", "--steps", Long.toString(STEPS), "--threads", "2", "--trace-every", "10",
                "--trace", dir.resolve(tag + ".csv").toString(), "--summary", dir.resolve(tag + ".json").toString(),
                "--save-model", dir.resolve(tag + "-model.csv").toString(),
                "--checkpoint", dir.resolve(tag + ".ckpt").toString(), "--checkpoint-every", "250");
    }

    private Process start(List<String> cmd, String log) throws IOException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private int finish(Process p, String log) throws Exception {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("run did not finish in 120 s: " + Files.readString(dir.resolve(log)));
        }
        return p.exitValue();
    }

    @Test
    void killNineAtRandomMomentsThenResumeGivesTheUninterruptedRun() throws Exception {
        Process ref = start(train("ref"), "ref.log");
        assertEquals(0, finish(ref, "ref.log"), Files.readString(dir.resolve("ref.log")));
        byte[] refTrace = Files.readAllBytes(dir.resolve("ref.csv"));
        byte[] refModel = Files.readAllBytes(dir.resolve("ref-model.csv"));

        Random random = new Random();
        int killedMidway = 0;
        long[] delays = {0, random.nextInt(400), 300 + random.nextInt(900)};
        for (int round = 0; round < delays.length; round++) {
            String tag = "ref"; // the same file names as the reference run would use ...
            Path sub = Files.createDirectories(dir.resolve("k" + round));
            List<String> cmd = train(tag);
            cmd.replaceAll(a -> a.startsWith(dir.toString()) ? sub.resolve(Paths.get(a).getFileName()).toString() : a);
            Path ckpt = sub.resolve(tag + ".ckpt");
            Process p = start(cmd, "k" + round + ".log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ckpt) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(Files.exists(ckpt), "no checkpoint appeared: " + Files.readString(dir.resolve("k" + round + ".log")));
            Thread.sleep(delays[round]);
            boolean alive = p.isAlive();
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            Checkpoint c = Checkpoint.read(ckpt); // whole, whatever the moment
            if (alive && c.step() < STEPS) {
                killedMidway++;
            }
            Process resumed = start(java("train", "--resume", ckpt.toString(), "--threads", "1"), "r" + round + ".log");
            assertEquals(0, finish(resumed, "r" + round + ".log"), Files.readString(dir.resolve("r" + round + ".log")));
            assertArrayEquals(refTrace, Files.readAllBytes(sub.resolve(tag + ".csv")), "trace after a kill at checkpoint step " + c.step());
            assertArrayEquals(refModel, Files.readAllBytes(sub.resolve(tag + "-model.csv")));
            assertEquals(ResumeTest.deterministicSummary(dir.resolve("ref.json")), ResumeTest.deterministicSummary(sub.resolve(tag + ".json")));
        }
        assertTrue(killedMidway > 0, "no run was killed before its end; the test proved nothing");
    }
}
