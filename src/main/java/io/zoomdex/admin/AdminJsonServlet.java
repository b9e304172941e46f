package io.zoomdex.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zoomdex.search.http.Caller;
import io.zoomdex.search.http.TokenServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One admin JSON route: GET only, admin tokens only. The server's token check has already refused
 * requests without a valid token (401); this refuses the other tokens (403) before any data is
 * read.
 */
final class AdminJsonServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(AdminJsonServlet.class);

  static final String ADMINS_ONLY =
      "The admin page and its data are for admin tokens only; an administrator makes one with"
          + " `zoomdex token create --admin`.";

  private final transient Supplier<Map<String, Object>> body;
  private static final ObjectMapper JSON = new ObjectMapper();

  AdminJsonServlet(Supplier<Map<String, Object>> body) {
    this.body = body;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Caller> caller = TokenServlet.caller(request);
    if (caller.isEmpty() || !caller.get().admin()) {
      send(response, 403, Map.of("error", ADMINS_ONLY));
      return;
    }
    Map<String, Object> answer;
    try {
      answer = body.get();
    } catch (RuntimeException e) {
      LOG.error("Admin request to {} failed", request.getRequestURI(), e);
      send(
          response,
          500,
          Map.of(
              "error", "The admin data could not be read; an administrator should check the log."));
      return;
    }
    send(response, 200, answer);
  }

  private void send(HttpServletResponse response, int status, Object answer) throws IOException {
    byte[] bytes = JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
