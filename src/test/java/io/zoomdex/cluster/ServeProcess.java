package io.zoomdex.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code zoomdex serve} in its own JVM (the test's classpath, {@code --port 0}), as a second
 * machine would run it: started and waited for until it prints its URL; stopped with SIGTERM,
 * killed with SIGKILL, or paused and resumed with SIGSTOP/SIGCONT. Its standard error (the log)
 * goes to a file the test can read. The child exits on its own when this JVM's end of its standard
 * input closes (the test JVM exited or was killed) or after {@link #MAX_LIFETIME}, so a failed or
 * killed test run never leaves a server behind.
 */
public final class ServeProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Serving (\\S+)");

  /** The longest a child may live, whatever happens to the test. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);

  private final Process process;
  private final URI uri;
  private final Path log;

  private ServeProcess(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts {@code zoomdex serve --data DATA --port 0 ARGS...} with {@code environment} added to
   * this JVM's, and waits (at most 90 s) for its URL.
   *
   * @throws IllegalStateException when it exits or stays silent instead
   */
  public static ServeProcess start(Path data, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    List<String> serve = new ArrayList<>(List.of("--data", data.toString()));
    serve.addAll(args);
    return launch(data, environment, serve);
  }

  /**
   * Starts {@code zoomdex serve --role search --port 0 ARGS...} (no --data), its log in {@code
   * logDir}, and waits (at most 90 s) for its URL.
   */
  public static ServeProcess startSearchReplica(
      Path logDir, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    List<String> serve = new ArrayList<>(List.of("--role", "search"));
    serve.addAll(args);
    return launch(logDir, environment, serve);
  }

  private static ServeProcess launch(
      Path logDir, Map<String, String> environment, List<String> args)
      throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    Path log = logDir.resolve("serve.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(classpath());
    command.add(Child.class.getName());
    command.add("serve");
    command.add("--port");
    command.add("0");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    builder.redirectError(log.toFile());
    Process process = builder.start();
    CompletableFuture<URI> url = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  Matcher m = SERVING.matcher(line);
                  if (m.find()) {
                    url.complete(URI.create(m.group(1)));
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(new IllegalStateException("serve printed no URL"));
            },
            "serve-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServeProcess(process, url.get(90, TimeUnit.SECONDS), log);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "zoomdex serve did not start: " + Files.readString(log, StandardCharsets.UTF_8), e);
    }
  }

  public URI uri() {
    return uri;
  }

  public long pid() {
    return process.pid();
  }

  /** Its log (standard error) so far. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** SIGKILL: the process dies at once, without running any shutdown code. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as an orchestrator stops a replica; returns the exit code (bounded wait). */
  public int terminate() throws InterruptedException, IOException {
    // Not process.destroy(): it closes the child's stdin first, and the child's parent watch
    // would then exit on its own before the signal arrives.
    signal("-TERM");
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("serve did not stop within 60 s of SIGTERM");
    }
    return process.exitValue();
  }

  /** SIGSTOP: the whole JVM freezes, as in a long GC pause or a suspended VM. */
  public void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** SIGCONT: resumes a paused JVM. */
  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill " + signal + " " + pid() + " failed");
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws InterruptedException, IOException {
    if (process.isAlive()) {
      resume(); // a paused JVM cannot act on SIGKILL until it runs again on some systems
      kill9();
    }
  }

  /**
   * Surefire may put a manifest-only jar on {@code java.class.path}; its own property holds the
   * real test classpath.
   */
  private static String classpath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  /**
   * The child's entry point: stops the JVM when the parent's end of standard input closes (the
   * parent exited or was killed) or after {@link #MAX_LIFETIME}, then runs {@code zoomdex} as its
   * {@code main} would.
   */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      // A JVM already stopping (SIGTERM) keeps its own exit status: the watcher must not race it.
      java.util.concurrent.atomic.AtomicBoolean stopping =
          new java.util.concurrent.atomic.AtomicBoolean();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true)));
      Thread watchParent =
          new Thread(
              () -> {
                try (InputStream in = System.in) {
                  while (in.read() >= 0) {
                    // Nothing is ever sent; only the end of the stream matters.
                  }
                } catch (IOException e) {
                  // A broken pipe means the same as the end of the stream.
                }
                if (!stopping.get()) {
                  stopWithin(Duration.ofSeconds(10));
                }
              },
              "serve-process-parent-watch");
      watchParent.setDaemon(true);
      watchParent.start();
      Thread lifetime =
          new Thread(
              () -> {
                try {
                  Thread.sleep(MAX_LIFETIME.toMillis()); // a last resort, not a wait on work
                } catch (InterruptedException e) {
                  return;
                }
                Runtime.getRuntime().halt(124);
              },
              "serve-process-lifetime");
      lifetime.setDaemon(true);
      lifetime.start();
      io.zoomdex.Main.main(args);
    }

    /** Exits normally (shutdown hooks run), or halts if that takes longer than {@code grace}. */
    private static void stopWithin(Duration grace) {
      Thread halt =
          new Thread(
              () -> {
                try {
                  Thread.sleep(grace.toMillis()); // a deadline, not a wait on work
                } catch (InterruptedException e) {
                  return;
                }
                Runtime.getRuntime().halt(125);
              },
              "serve-process-halt");
      halt.setDaemon(true);
      halt.start();
      System.exit(125);
    }
  }
}
