package io.zoomdex.search.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Wraps a {@link TokenServlet}'s servlet: resolves the bearer token of every request before the
 * servlet runs, so a revoked token stops working on its next request, mid-session or not.
 */
final class TokenGuard extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient CallerResolver callers;
  private final HttpServlet guarded;

  TokenGuard(CallerResolver callers, HttpServlet guarded) {
    this.callers = callers;
    this.guarded = guarded;
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    guarded.init(config);
  }

  @Override
  public void destroy() {
    guarded.destroy();
    super.destroy();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    Caller caller;
    try {
      caller = callers.resolveToken(request.getHeader("Authorization"));
    } catch (ApiError e) {
      refuse(response, e);
      return;
    }
    request.setAttribute(TokenServlet.CALLER_ATTRIBUTE, caller);
    guarded.service(request, response);
  }

  private static void refuse(HttpServletResponse response, ApiError e) throws IOException {
    response.setStatus(e.status());
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/json");
    byte[] body =
        new ObjectMapper()
            .writeValueAsString(SearchJson.error(e.getMessage()))
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
