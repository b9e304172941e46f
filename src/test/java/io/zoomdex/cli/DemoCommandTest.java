package io.zoomdex.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zoomdex.Main;
import io.zoomdex.search.Facets;
import io.zoomdex.search.SearchResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
  private static final Pattern PERSON_LINE =
      Pattern.compile(
          "as (\\S+), [^(]+\\(may read (\\d+) documents? in all\\): (\\d+)\\+? results?");

  @TempDir Path data;

  @Test
  void demo_crawlsSimulatedAccount_andTheSameSearchDiffersPerPerson() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    int code = cli.execute("demo", "--no-serve", "--data", data.toString());

    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Crawl complete").contains("./zoomdex check");
    assertThat(Files.isDirectory(data.resolve("index"))).isTrue();
    Matcher people = PERSON_LINE.matcher(out.toString());
    List<Long> readable = people.results().map(m -> Long.parseLong(m.group(2))).toList();
    assertThat(readable).hasSizeGreaterThanOrEqualTo(3);
    assertThat(readable.get(0)).isPositive();
    assertThat(readable).doesNotHaveDuplicates();
    assertThat(out.toString()).contains("a deactivated user (may read 0 documents in all): 0");
    // Search by meaning with the real model: a question keyword search cannot match is answered.
    String meaning = out.toString().substring(out.toString().indexOf("4. Search by meaning"));
    assertThat(meaning).contains("keyword search: 0 results");
    String semantic =
        meaning.substring(meaning.indexOf("semantic search"), meaning.indexOf("5. Try it"));
    assertThat(MeaningDemo.QUESTIONS)
        .anySatisfy(
            question -> {
              assertThat(meaning).contains(question.text());
              assertThat(semantic.toLowerCase(java.util.Locale.ROOT)).contains(question.subject());
            });
  }

  @Test
  void demo_withServe_endsWithThePageServedAndItsUrlPrinted() throws Exception {
    DemoCommand demo = new DemoCommand();
    ServedPageWatcher out = new ServedPageWatcher();
    CommandLine cli = new CommandLine(demo);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    ExecutorService runner = Executors.newSingleThreadExecutor();
    Future<Integer> exit =
        runner.submit(
            () -> cli.execute("--serve", "--users", "6", "--port", "0", "--data", data.toString()));
    try {
      URI page = out.page.get(120, TimeUnit.SECONDS);
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(page.resolve("/api/demo")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("@");
    } finally {
      demo.stop.countDown();
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
      runner.shutdownNow();
    }
  }

  @Test
  void demo_withoutData_deletesItsTemporaryIndexWhenItEnds() {
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));

    int code = cli.execute("demo", "--no-serve", "--users", "6");

    assertThat(code).isEqualTo(ExitCodes.OK);
    Matcher into = Pattern.compile("Crawling it into (\\S+) \\.\\.\\.").matcher(out.toString());
    assertThat(into.find()).as(out.toString()).isTrue();
    assertThat(Path.of(into.group(1))).doesNotExist();
    assertThat(out.toString()).contains("./zoomdex demo --data demo-data");
  }

  @Test
  void demo_serveOnAPortGivenAndTaken_exits2SayingSo_insteadOfMoving() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new DemoCommand());
      cli.setOut(new PrintWriter(out, true));
      cli.setErr(new PrintWriter(err, true));

      int code =
          cli.execute(
              "--serve",
              "--users",
              "6",
              "--port",
              "" + taken.getLocalPort(),
              "--data",
              data.toString());

      assertThat(code).isEqualTo(ExitCodes.USAGE);
      List<String> errLines = err.toString().strip().lines().toList();
      assertThat(errLines.get(errLines.size() - 1))
          .startsWith("Could not listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("the port is in use");
      assertThat(out.toString()).doesNotContain("Serving the web page");
    }
  }

  @Test
  void counts_areSingularForOne() {
    assertThat(
            DemoCommand.counted(
                new SearchResults("a@example.com", List.of(), 1, Facets.NONE), "document"))
        .isEqualTo("1 document");
    assertThat(
            DemoCommand.counted(
                new SearchResults("a@example.com", List.of(), 2, Facets.NONE), "result"))
        .isEqualTo("2 results");
  }

  /** Output that completes a future as soon as it says where the page is served. */
  private static final class ServedPageWatcher extends StringWriter {
    private static final Pattern SERVED =
        Pattern.compile("Serving the web page at (http://\\S+?)/? ");
    final CompletableFuture<URI> page = new CompletableFuture<>();

    @Override
    public void write(String text, int offset, int length) {
      super.write(text, offset, length);
      Matcher url = SERVED.matcher(toString());
      if (url.find()) {
        page.complete(URI.create(url.group(1) + "/"));
      }
    }
  }
}
