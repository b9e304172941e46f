package io.zoomdex.search.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API tokens bound to a person's email, in SQLite {@code DATA/tokens.db} (the embedded index's
 * store). Only the SHA-256 hash of each token is stored: the plain token exists once, in the return
 * value of {@link #create}. Every {@link #resolve} reads the database, so a revocation (even from
 * another process) takes effect on the next request. Safe to call from several threads.
 */
public final class SqliteTokenStore implements ApiTokenStore {

  /** Last-used times are kept to this precision, so a busy token does not write on every call. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  private final Connection db;
  private final Clock clock;
  private final SecureRandom random;

  private SqliteTokenStore(Connection db, Clock clock, SecureRandom random) {
    this.db = db;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Opens (creating if needed) the tokens in {@code dataDir/tokens.db}.
   *
   * @throws TokenStoreException when the directory or database cannot be opened
   */
  public static SqliteTokenStore open(Path dataDir, Clock clock) {
    return open(dataDir, clock, new SecureRandom());
  }

  static SqliteTokenStore open(Path dataDir, Clock clock, SecureRandom random) {
    Path file = dataDir.resolve("tokens.db");
    try {
      Files.createDirectories(dataDir);
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute(
            "CREATE TABLE IF NOT EXISTS tokens (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " email TEXT NOT NULL, admin INTEGER NOT NULL, hash TEXT NOT NULL UNIQUE,"
                + " created INTEGER NOT NULL, last_used INTEGER, revoked INTEGER)");
      }
      // Auto-commit stays on: each statement is its own transaction, and reads never hold a
      // snapshot open, so tokens created or revoked by another process are seen at once.
      return new SqliteTokenStore(db, clock, random);
    } catch (IOException | SQLException e) {
      throw new TokenStoreException(
          "Cannot open the API tokens in "
              + file
              + " ("
              + e.getMessage()
              + "); check that the data directory is writable.",
          e);
    }
  }

  /**
   * Makes a new token for a person.
   *
   * @param email the person's email, any case; normalized before it is stored
   * @param admin whether the token may also read the crawl history and metrics
   * @return the plain token: the only time it is ever available
   * @throws IllegalArgumentException when the email is blank, too long or not an address
   * @throws TokenStoreException when the database cannot be written
   */
  @Override
  public synchronized CreatedToken create(String email, boolean admin) {
    String principal = ApiTokenStore.normalizeEmail(email);
    String token = TokenSecrets.newToken(random);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO tokens (email, admin, hash, created) VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, principal);
      insert.setInt(2, admin ? 1 : 0);
      insert.setString(3, TokenSecrets.hash(token));
      insert.setLong(4, clock.millis());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new CreatedToken(keys.getLong(1), principal, admin, token);
      }
    } catch (SQLException e) {
      throw failure("store a new token", e);
    }
  }

  /**
   * Every token ever made, oldest first, revoked ones included; never the tokens themselves.
   *
   * @throws TokenStoreException when the database cannot be read
   */
  @Override
  public synchronized List<ApiToken> list() {
    try (Statement s = db.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT id, email, admin, created, last_used, revoked FROM tokens ORDER BY id")) {
      List<ApiToken> tokens = new ArrayList<>();
      while (rows.next()) {
        tokens.add(
            new ApiToken(
                rows.getLong(1),
                rows.getString(2),
                rows.getInt(3) == 1,
                Instant.ofEpochMilli(rows.getLong(4)),
                instantOrNull(rows, 5),
                instantOrNull(rows, 6)));
      }
      return tokens;
    } catch (SQLException e) {
      throw failure("list the tokens", e);
    }
  }

  /**
   * Revokes a token; it stops working on the next request.
   *
   * @return true when the token existed and was active, false when there is no such token or it was
   *     already revoked
   * @throws TokenStoreException when the database cannot be written
   */
  @Override
  public synchronized boolean revoke(long id) {
    try (PreparedStatement update =
        db.prepareStatement("UPDATE tokens SET revoked = ? WHERE id = ? AND revoked IS NULL")) {
      update.setLong(1, clock.millis());
      update.setLong(2, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("revoke the token", e);
    }
  }

  /**
   * Finds who a presented token speaks for, and notes that it was used.
   *
   * @param token the token as presented (e.g. from an {@code Authorization: Bearer} header)
   * @return the person, or empty when the token is malformed, unknown or revoked
   * @throws TokenStoreException when the database cannot be read
   */
  @Override
  public synchronized Optional<TokenPrincipal> resolve(String token) {
    if (!TokenSecrets.wellFormed(token)) {
      return Optional.empty();
    }
    // Looked up by hash, so comparing secrets never takes time that depends on their content.
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, email, admin, last_used FROM tokens WHERE hash = ? AND revoked IS NULL")) {
      select.setString(1, TokenSecrets.hash(token));
      TokenPrincipal principal;
      long lastUsed;
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        principal = new TokenPrincipal(row.getLong(1), row.getString(2), row.getInt(3) == 1);
        lastUsed = row.getLong(4);
      }
      long now = clock.millis();
      if (now - lastUsed >= LAST_USED_PRECISION.toMillis()) {
        try (PreparedStatement update =
            db.prepareStatement("UPDATE tokens SET last_used = ? WHERE id = ?")) {
          update.setLong(1, now);
          update.setLong(2, principal.tokenId());
          update.executeUpdate();
        }
      }
      return Optional.of(principal);
    } catch (SQLException e) {
      throw failure("check a token", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close the token database", e);
    }
  }

  private static Instant instantOrNull(ResultSet rows, int column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static TokenStoreException failure(String action, SQLException e) {
    return new TokenStoreException(
        "Could not "
            + action
            + " in the token database ("
            + e.getMessage()
            + "); check that the data directory is writable and the disk is not full.",
        e);
  }
}
