package nl.instroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Profiles of the stack's processes under the pipeline's load, with the JDK's own Flight Recorder: started and
 * dumped through {@code jcmd}, read with {@link RecordingFile}. Per process: where the CPU samples fall (the top
 * frames, and the first frame of Instroom's own code on each stack), and what share each library takes.
 */
final class Profiles {

    /** A process to profile: its name in the report and its process id. */
    record Target(String name, long pid) {
    }

    private static final int TOP = 12;

    private final Path dir;
    private final List<Target> targets;

    Profiles(Path dir, List<Target> targets) {
        this.dir = dir;
        this.targets = List.copyOf(targets);
    }

    void start() throws Exception {
        Files.createDirectories(dir);
        for (Target target : targets) {
            jcmd(target, "JFR.start", "name=bench", "settings=profile");
        }
    }

    /** Dumps and stops every recording; returns the reading per process. */
    Map<String, Object> stopAndRead() throws Exception {
        Map<String, Object> readings = new LinkedHashMap<>();
        for (Target target : targets) {
            Path file = dir.resolve(target.name() + ".jfr");
            jcmd(target, "JFR.stop", "name=bench", "filename=" + file);
            readings.put(target.name(), read(file));
        }
        return readings;
    }

    static Map<String, Object> read(Path file) throws IOException {
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> ownCode = new HashMap<>();
        Map<String, Integer> libraries = new HashMap<>();
        int samples = 0;
        Waits gc = new Waits();
        Map<String, Waits> blocked = new HashMap<>();
        Map<String, Waits> slowReads = new HashMap<>();
        Map<String, double[]> cpuByTime = new TreeMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            // What a closed loop's tail is made of besides CPU: pauses of the whole JVM, threads blocked on a
            // monitor, and reads that waited (Flight Recorder's profile settings keep those of 10 ms and more).
            if (type.equals("jdk.GarbageCollection")) {
                gc.add(event.getDuration("sumOfPauses").toNanos(), event.getDuration("longestPause").toNanos());
                continue;
            }
            if (type.equals("jdk.JavaMonitorEnter")) {
                String monitor = event.getClass("monitorClass") == null ? "?" : event.getClass("monitorClass").getName();
                blocked.computeIfAbsent(monitor + " in " + firstOwnFrame(event.getStackTrace()), key -> new Waits())
                        .add(event.getDuration().toNanos(), event.getDuration().toNanos());
                continue;
            }
            if (type.equals("jdk.ThreadCPULoad")) {
                // Every 10 s for every thread at once, each as a share of the machine: the JIT compiler's threads
                // apart from the rest (a closed loop's latency grows with whatever else takes the cores).
                String thread = event.getThread("eventThread") == null ? null : event.getThread("eventThread")
                        .getOSName();
                String at = event.getStartTime().truncatedTo(ChronoUnit.SECONDS).toString().substring(11, 19);
                double load = event.getFloat("user") + event.getFloat("system");
                double[] shares = cpuByTime.computeIfAbsent(at, key -> new double[2]);
                shares[thread != null && thread.contains("CompilerThread") ? 0 : 1] += load;
                continue;
            }
            if (type.equals("jdk.SocketRead")) {
                slowReads.computeIfAbsent("port " + event.getInt("port") + " in "
                        + firstOwnFrame(event.getStackTrace()), key -> new Waits())
                        .add(event.getDuration().toNanos(), event.getDuration().toNanos());
                continue;
            }
            if (!"jdk.ExecutionSample".equals(type)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            String top = method(frames.get(0));
            topFrames.merge(top, 1, Integer::sum);
            libraries.merge(library(top), 1, Integer::sum);
            for (RecordedFrame frame : frames) {
                String method = method(frame);
                if (method.startsWith("nl.instroom.")) {
                    ownCode.merge(method, 1, Integer::sum);
                    break;
                }
            }
        }
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("file", file.getFileName().toString());
        reading.put("cpuSamples", samples);
        reading.put("libraries", shares(libraries, samples, TOP));
        reading.put("topFrames", shares(topFrames, samples, TOP));
        reading.put("firstInstroomFrame", shares(ownCode, samples, TOP));
        reading.put("gcPauses", gc.asMap());
        reading.put("monitorBlocked", waits(blocked));
        reading.put("socketReadsOver10Ms", waits(slowReads));
        List<Map<String, Object>> cpu = new ArrayList<>();
        cpuByTime.forEach((at, shares) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", at);
            row.put("jitCompilerPercentOfMachine", Math.round(shares[0] * 1000) / 10.0);
            row.put("otherThreadsPercentOfMachine", Math.round(shares[1] * 1000) / 10.0);
            cpu.add(row);
        });
        reading.put("cpuEvery10s", cpu);
        return reading;
    }

    /** How often something waited, how long in all and at most. */
    private static final class Waits {
        private int count;
        private long totalNanos;
        private long maxNanos;

        void add(long nanos, long longest) {
            count++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, longest);
        }

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", count);
            map.put("totalMs", Math.round(totalNanos / 1e5) / 10.0);
            map.put("maxMs", Math.round(maxNanos / 1e5) / 10.0);
            return map;
        }
    }

    private static List<Map<String, Object>> waits(Map<String, Waits> byPlace) {
        List<Map<String, Object>> rows = new ArrayList<>();
        byPlace.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().totalNanos, a.getValue().totalNanos)).limit(TOP)
                .forEach(entry -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("where", entry.getKey());
                    row.putAll(entry.getValue().asMap());
                    rows.add(row);
                });
        return rows;
    }

    /** The first frame of Instroom's own code on a stack, else its top frame. */
    private static String firstOwnFrame(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "?";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String method = method(frame);
            if (method.startsWith("nl.instroom.")) {
                return method;
            }
        }
        return method(stack.getFrames().get(0));
    }

    private static String method(RecordedFrame frame) {
        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The library a method belongs to, by its package's first parts. */
    static String library(String method) {
        String[] parts = method.split("\\.");
        if (parts.length < 3) {
            return method;
        }
        String first = parts[0];
        if (first.equals("java") || first.equals("javax") || first.equals("jdk") || first.equals("sun")) {
            return "JDK (" + first + "." + parts[1] + ")";
        }
        return first + "." + parts[1] + (parts.length > 3 ? "." + parts[2] : "");
    }

    private static List<Map<String, Object>> shares(Map<String, Integer> counts, int total, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", entry.getKey());
                    row.put("samples", entry.getValue());
                    row.put("percent", total == 0 ? 0 : Math.round(1000.0 * entry.getValue() / total) / 10.0);
                    rows.add(row);
                });
        return rows;
    }

    private static void jcmd(Target target, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), String.valueOf(target.pid())));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT, "jcmd %s for %s failed: %s",
                    String.join(" ", command), target.name(), output));
        }
    }
}
