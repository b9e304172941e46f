package io.zoomdex.sync;

import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.source.SeriesListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sync state under {@code --data}: a ledger of every indexed document's version and the last
 * run that saw it, and the history of runs with their reports. Backed by SQLite; every write is one
 * transaction, so a crash leaves either the old state or the new one.
 */
public final class StateStore implements AutoCloseable {
  private final Connection db;

  private StateStore(Connection db) {
    this.db = db;
  }

  /**
   * Opens (creating if needed) the state in {@code dataDir/state.db}.
   *
   * @throws StorageException when the directory or database cannot be opened or written
   */
  public static StateStore open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Connection db =
          DriverManager.getConnection(
              "jdbc:sqlite:" + dataDir.resolve("state.db").toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
        s.execute(
            "CREATE TABLE IF NOT EXISTS ledger (id TEXT PRIMARY KEY, version TEXT NOT NULL,"
                + " last_run INTEGER NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, mode TEXT NOT"
                + " NULL, started TEXT NOT NULL, finished TEXT, outcome TEXT, report TEXT)");
        s.execute("CREATE TABLE IF NOT EXISTS deactivated_users (email TEXT PRIMARY KEY)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS run_users (run_id INTEGER NOT NULL, user_id TEXT NOT NULL,"
                + " PRIMARY KEY (run_id, user_id))");
        s.execute(
            "CREATE TABLE IF NOT EXISTS webhook_events (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " dedupe_key TEXT NOT NULL UNIQUE, event TEXT NOT NULL, body TEXT NOT NULL,"
                + " received TEXT NOT NULL, status TEXT NOT NULL, processed TEXT)");
        s.execute("CREATE TABLE IF NOT EXISTS flags (name TEXT PRIMARY KEY)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS series_listings (series TEXT PRIMARY KEY, user_id TEXT NOT"
                + " NULL, listing TEXT NOT NULL, panelists TEXT NOT NULL, newest_instance TEXT)");
        s.execute("CREATE TABLE IF NOT EXISTS marks (name TEXT PRIMARY KEY, at TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS user_crawls (user_id TEXT PRIMARY KEY)");
        s.execute("CREATE TABLE IF NOT EXISTS refusals (item TEXT PRIMARY KEY)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS awaiting_summary (uuid TEXT PRIMARY KEY, meeting_id INTEGER"
                + " NOT NULL, started TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS hosts_ended (user_id TEXT PRIMARY KEY, at TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS kept_documents (id TEXT PRIMARY KEY, series TEXT NOT NULL,"
                + " document BLOB NOT NULL)");
        s.execute("CREATE INDEX IF NOT EXISTS kept_by_series ON kept_documents (series)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS named_people (email TEXT NOT NULL, id TEXT NOT NULL,"
                + " PRIMARY KEY (email, id))");
        s.execute(
            "CREATE TABLE IF NOT EXISTS reader_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " kind TEXT NOT NULL, email TEXT NOT NULL, new_email TEXT NOT NULL)");
        s.execute(
            "CREATE TABLE IF NOT EXISTS crawl_settings (role TEXT PRIMARY KEY, fingerprint TEXT NOT"
                + " NULL, description TEXT NOT NULL)");
      }
      return new StateStore(db);
    } catch (IOException | SQLException e) {
      throw new StorageException(
          "Cannot open the sync state in "
              + dataDir
              + " ("
              + e.getMessage()
              + "); check that the directory is writable and the disk is not full.",
          e);
    }
  }

  /** How long SQLite waits for another connection's write before giving up. */
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  /** Starts a run and returns its id; ids grow with every run. */
  public synchronized long beginRun(String mode, Instant started) {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO runs (mode, started) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, mode);
      insert.setString(2, started.toString());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("start a run", e);
    }
  }

  /** The version the ledger holds for a document, or empty when it was never indexed. */
  public synchronized Optional<String> version(DocumentId id) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT version FROM ledger WHERE id = ?")) {
      select.setString(1, id.toString());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read the ledger", e);
    }
  }

  /**
   * The run that last wrote or confirmed a document (the ledger's {@code last_run}), for the
   * inspector; empty when the ledger does not hold the document.
   */
  public synchronized Optional<Long> lastRunOf(DocumentId id) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT last_run FROM ledger WHERE id = ?")) {
      select.setString(1, id.toString());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read the ledger", e);
    }
  }

  /**
   * Records, in one transaction, what the index has durably taken: new versions of written
   * documents, the run that saw each unchanged one, and the users whose every document is now in
   * (the run's checkpoint). Call only after the sink's commit.
   */
  public synchronized void recordBatch(
      long runId,
      Map<DocumentId, String> written,
      Collection<DocumentId> unchanged,
      Collection<String> finishedUsers) {
    recordBatch(runId, written, unchanged, finishedUsers, List.of());
  }

  /**
   * As {@link #recordBatch(long, Map, Collection, Collection)}, and in the same transaction the
   * listings of series read in whole (see {@link SeriesListing}).
   */
  public synchronized void recordBatch(
      long runId,
      Map<DocumentId, String> written,
      Collection<DocumentId> unchanged,
      Collection<String> finishedUsers,
      Collection<SeriesListing> listings) {
    recordBatch(runId, written, unchanged, finishedUsers, listings, List.of());
  }

  /**
   * As {@link #recordBatch(long, Map, Collection, Collection, Collection)}, and in the same
   * transaction the written documents themselves (see {@link KeptDocument}), with the people each
   * one names.
   */
  public synchronized void recordBatch(
      long runId,
      Map<DocumentId, String> written,
      Collection<DocumentId> unchanged,
      Collection<String> finishedUsers,
      Collection<SeriesListing> listings,
      Collection<Document> documents) {
    try {
      db.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("start a transaction", e);
    }
    try (PreparedStatement upsert =
            db.prepareStatement(
                "INSERT INTO ledger (id, version, last_run) VALUES (?, ?, ?) ON CONFLICT(id) DO"
                    + " UPDATE SET version = excluded.version, last_run = excluded.last_run");
        PreparedStatement seen =
            db.prepareStatement("UPDATE ledger SET last_run = ? WHERE id = ?");
        PreparedStatement done =
            db.prepareStatement("INSERT OR IGNORE INTO run_users (run_id, user_id) VALUES (?, ?)");
        PreparedStatement listing =
            db.prepareStatement(
                "INSERT OR REPLACE INTO series_listings (series, user_id, listing, panelists,"
                    + " newest_instance) VALUES (?, ?, ?, ?, ?)")) {
      for (Map.Entry<DocumentId, String> entry : written.entrySet()) {
        upsert.setString(1, entry.getKey().toString());
        upsert.setString(2, entry.getValue());
        upsert.setLong(3, runId);
        upsert.addBatch();
      }
      upsert.executeBatch();
      for (DocumentId id : unchanged) {
        seen.setLong(1, runId);
        seen.setString(2, id.toString());
        seen.addBatch();
      }
      seen.executeBatch();
      for (String userId : finishedUsers) {
        done.setLong(1, runId);
        done.setString(2, userId);
        done.addBatch();
      }
      done.executeBatch();
      for (SeriesListing series : listings) {
        listing.setString(1, series.key());
        listing.setString(2, series.userId());
        listing.setString(3, series.listing());
        listing.setString(4, series.panelists());
        listing.setString(
            5, series.newestInstance() == null ? null : series.newestInstance().toString());
        listing.addBatch();
      }
      listing.executeBatch();
      keep(documents);
      db.commit();
    } catch (SQLException e) {
      throw failure("record indexed documents", e);
    } finally {
      endTransaction();
    }
  }

  private void keep(Collection<Document> documents) throws SQLException {
    try (PreparedStatement kept =
            db.prepareStatement(
                "INSERT OR REPLACE INTO kept_documents (id, series, document) VALUES (?, ?, ?)");
        PreparedStatement unname = db.prepareStatement("DELETE FROM named_people WHERE id = ?");
        PreparedStatement name =
            db.prepareStatement("INSERT OR IGNORE INTO named_people (email, id) VALUES (?, ?)")) {
      for (Document document : documents) {
        String id = document.id().toString();
        kept.setString(1, id);
        kept.setString(2, KeptDocument.seriesOf(document));
        kept.setBytes(3, KeptDocument.encode(document));
        kept.addBatch();
        unname.setString(1, id);
        unname.addBatch();
        for (String email : document.readers().named()) {
          name.setString(1, email);
          name.setString(2, id);
          name.addBatch();
        }
        if (!document.hostEmail().isEmpty()) {
          name.setString(1, document.hostEmail());
          name.setString(2, id);
          name.addBatch();
        }
      }
      kept.executeBatch();
      unname.executeBatch();
      name.executeBatch();
    }
  }

  /** The document the ledger keeps for {@code id}, if it keeps one (see {@link KeptDocument}). */
  public synchronized Optional<Document> kept(DocumentId id) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT document FROM kept_documents WHERE id = ?")) {
      select.setString(1, id.toString());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(KeptDocument.decode(row.getBytes(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read a kept document", e);
    }
  }

  /** The kept documents that name {@code email} (as reader, withheld person or host). */
  public synchronized List<DocumentId> keptNaming(String email) {
    return ids("SELECT id FROM named_people WHERE email = ? ORDER BY id", email);
  }

  /** The kept documents of one meeting or webinar series (by its number). */
  public synchronized List<DocumentId> keptOfSeries(long seriesId) {
    return ids(
        "SELECT id FROM kept_documents WHERE series = ? ORDER BY id", Long.toString(seriesId));
  }

  /** How many documents the ledger holds without keeping them (indexed by an older version). */
  public synchronized long documentsNotKept() {
    try (Statement select = db.createStatement();
        ResultSet row =
            select.executeQuery(
                "SELECT COUNT(*) FROM ledger WHERE id NOT IN (SELECT id FROM kept_documents)")) {
      return row.next() ? row.getLong(1) : 0;
    } catch (SQLException e) {
      throw failure("read the ledger", e);
    }
  }

  private List<DocumentId> ids(String sql, String value) {
    try (PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, value);
      List<DocumentId> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(DocumentId.parse(rows.getString(1)));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("read the kept documents", e);
    }
  }

  /**
   * A change of readers to apply to the kept documents: {@code reactivated} (email) or {@code
   * email} (email to newEmail), in the order they were recorded.
   */
  public record ReaderChange(long sequence, String kind, String email, String newEmail) {}

  /** A {@link ReaderChange} kind: the person's email changed to {@code newEmail}. */
  public static final String EMAIL_CHANGED = "email";

  /** A {@link ReaderChange} kind: the person was reactivated and reads again. */
  public static final String REACTIVATED = "reactivated";

  /** A {@link ReaderChange} kind: the person was deactivated, deleted or disassociated. */
  public static final String DEACTIVATED = "deactivated";

  /** Records reader changes that a webhook announced, to apply to the kept documents. */
  public synchronized void requestReaderChanges(Collection<ReaderChange> changes) {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO reader_changes (kind, email, new_email) VALUES (?, ?, ?)")) {
      for (ReaderChange change : changes) {
        insert.setString(1, change.kind());
        insert.setString(2, change.email());
        insert.setString(3, change.newEmail());
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the reader changes", e);
    }
  }

  /** The reader changes not applied yet, oldest first. */
  public synchronized List<ReaderChange> pendingReaderChanges() {
    try (Statement select = db.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT seq, kind, email, new_email FROM reader_changes ORDER BY seq")) {
      List<ReaderChange> changes = new ArrayList<>();
      while (rows.next()) {
        changes.add(
            new ReaderChange(
                rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
      }
      return changes;
    } catch (SQLException e) {
      throw failure("read the reader changes", e);
    }
  }

  /** Forgets reader changes up to {@code sequence}, applied to the kept documents and index. */
  public synchronized void readerChangesApplied(long sequence) {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM reader_changes WHERE seq <= ?")) {
      delete.setLong(1, sequence);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("record the reader changes", e);
    }
  }

  /** Documents in the ledger that the given run did not see, at most {@code limit} of them. */
  public synchronized List<DocumentId> notSeenIn(long runId, int limit) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT id FROM ledger WHERE last_run < ? ORDER BY id LIMIT ?")) {
      select.setLong(1, runId);
      select.setInt(2, limit);
      List<DocumentId> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(DocumentId.parse(rows.getString(1)));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("read the ledger", e);
    }
  }

  /** Forgets documents the index has durably deleted. */
  public synchronized void forget(Collection<DocumentId> ids) {
    try {
      db.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("start a transaction", e);
    }
    try (PreparedStatement delete = db.prepareStatement("DELETE FROM ledger WHERE id = ?");
        PreparedStatement listing =
            db.prepareStatement("DELETE FROM series_listings WHERE series = ?");
        PreparedStatement kept = db.prepareStatement("DELETE FROM kept_documents WHERE id = ?");
        PreparedStatement named = db.prepareStatement("DELETE FROM named_people WHERE id = ?")) {
      for (DocumentId id : ids) {
        delete.setString(1, id.toString());
        delete.addBatch();
        listing.setString(1, id.toString());
        listing.addBatch();
        kept.setString(1, id.toString());
        kept.addBatch();
        named.setString(1, id.toString());
        named.addBatch();
      }
      delete.executeBatch();
      listing.executeBatch();
      kept.executeBatch();
      named.executeBatch();
      db.commit();
    } catch (SQLException e) {
      throw failure("update the ledger", e);
    } finally {
      endTransaction();
    }
  }

  /** The listing recorded for a series (a key like {@code meeting:123}), if any. */
  public synchronized Optional<SeriesListing> listing(String seriesKey) {
    List<SeriesListing> found = listings("series = ?", seriesKey);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** The listings recorded for the series a user hosts. */
  public synchronized List<SeriesListing> listingsOf(String userId) {
    return listings("user_id = ?", userId);
  }

  private List<SeriesListing> listings(String where, String value) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT series, user_id, listing, panelists, newest_instance FROM series_listings"
                + " WHERE "
                + where
                + " ORDER BY series")) {
      select.setString(1, value);
      List<SeriesListing> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String newest = rows.getString(5);
          found.add(
              new SeriesListing(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  newest == null ? null : Instant.parse(newest)));
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure("read the series listings", e);
    }
  }

  /** Records an instance indexed without a summary (or forgets it when {@code start} is null). */
  public synchronized void awaitSummary(long meetingId, String uuid, Instant start) {
    try (PreparedStatement upsert =
        db.prepareStatement(
            "INSERT OR REPLACE INTO awaiting_summary (uuid, meeting_id, started) VALUES (?, ?, ?)")) {
      upsert.setString(1, uuid);
      upsert.setLong(2, meetingId);
      upsert.setString(3, start.toString());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record an instance awaiting its summary", e);
    }
  }

  /** The instances of a meeting awaiting a summary that started at or after {@code from}. */
  public synchronized List<String> awaitingSummary(long meetingId, Instant from) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT a.uuid, a.started FROM awaiting_summary a WHERE a.meeting_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM ledger l WHERE l.id = 'summary:' || a.uuid) ORDER BY a.uuid")) {
      select.setLong(1, meetingId);
      List<String> found = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (!Instant.parse(rows.getString(2)).isBefore(from)) {
            found.add(rows.getString(1));
          }
        }
      }
      return found;
    } catch (SQLException e) {
      throw failure("read the instances awaiting a summary", e);
    }
  }

  /** Remembers that Zoom refused an item for a lasting reason (see {@link #refused}). */
  public synchronized void recordRefusal(String itemKey) {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT OR IGNORE INTO refusals (item) VALUES (?)")) {
      insert.setString(1, itemKey);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record a refusal", e);
    }
  }

  /** Whether Zoom refused this item for a lasting reason since the refusals were last cleared. */
  public synchronized boolean refused(String itemKey) {
    try (PreparedStatement select = db.prepareStatement("SELECT 1 FROM refusals WHERE item = ?")) {
      select.setString(1, itemKey);
      try (ResultSet row = select.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw failure("read the refusals", e);
    }
  }

  /** Forgets the remembered refusals (a full crawl asks everything again). */
  public synchronized void clearRefusals() {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM refusals");
    } catch (SQLException e) {
      throw failure("clear the refusals", e);
    }
  }

  /** Asks the next incremental crawl to read these users' listings (new users, by id). */
  public synchronized void requestUserCrawls(Collection<String> userIds) {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT OR IGNORE INTO user_crawls (user_id) VALUES (?)")) {
      for (String id : userIds) {
        insert.setString(1, id);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the users to crawl", e);
    }
  }

  /** The users whose listings the next incremental crawl reads (see {@link #requestUserCrawls}). */
  public synchronized Set<String> requestedUserCrawls() {
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery("SELECT user_id FROM user_crawls")) {
      Set<String> ids = new HashSet<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    } catch (SQLException e) {
      throw failure("read the users to crawl", e);
    }
  }

  /** Records that these hosts' meetings or webinars ended (events received at {@code at}). */
  public synchronized void recordHostsEnded(Collection<String> userIds, Instant at) {
    try (PreparedStatement upsert =
        db.prepareStatement("INSERT OR REPLACE INTO hosts_ended (user_id, at) VALUES (?, ?)")) {
      for (String id : userIds) {
        upsert.setString(1, id);
        upsert.setString(2, at.toString());
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the hosts whose meetings ended", e);
    }
  }

  /** The hosts whose meeting or webinar ended at or after {@code from}, by user id. */
  public synchronized Set<String> hostsEndedSince(Instant from) {
    try (PreparedStatement select = db.prepareStatement("SELECT user_id, at FROM hosts_ended")) {
      Set<String> ids = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          if (!Instant.parse(rows.getString(2)).isBefore(from)) {
            ids.add(rows.getString(1));
          }
        }
      }
      return ids;
    } catch (SQLException e) {
      throw failure("read the hosts whose meetings ended", e);
    }
  }

  /** Forgets requested user crawls that a complete crawl did. */
  public synchronized void userCrawlsDone(Collection<String> userIds) {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM user_crawls WHERE user_id = ?")) {
      for (String id : userIds) {
        delete.setString(1, id);
        delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("update the users to crawl", e);
    }
  }

  /** Records that something named happened now (e.g. {@code webhook.validated}). */
  public synchronized void mark(String name, Instant at) {
    try (PreparedStatement upsert =
        db.prepareStatement("INSERT OR REPLACE INTO marks (name, at) VALUES (?, ?)")) {
      upsert.setString(1, name);
      upsert.setString(2, at.toString());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record " + name, e);
    }
  }

  /** When {@link #mark} last recorded this name, if ever. */
  public synchronized Optional<Instant> marked(String name) {
    try (PreparedStatement select = db.prepareStatement("SELECT at FROM marks WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read " + name, e);
    }
  }

  /** How many documents the ledger holds. */
  public synchronized long documentCount() {
    try (Statement s = db.createStatement();
        ResultSet row = s.executeQuery("SELECT COUNT(*) FROM ledger")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw failure("read the ledger", e);
    }
  }

  /** The newest run of this mode that never finished (the process died), if any. */
  public synchronized Optional<RunRecord> unfinishedRun(String mode) {
    return recentRuns(1).stream()
        .filter(run -> run.finished() == null && run.mode().equals(mode))
        .findFirst();
  }

  /** The newest run that finished complete, of any mode: where an incremental crawl starts. */
  public synchronized Optional<RunRecord> lastCompleteRun() {
    return lastCompleteRun("%");
  }

  /** The newest run of this mode ({@code full}, {@code incremental}) that finished complete. */
  public synchronized Optional<RunRecord> lastCompleteRun(String mode) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, mode, started, finished, outcome, report FROM runs WHERE outcome ="
                + " 'complete' AND mode LIKE ? ORDER BY id DESC LIMIT 1")) {
      select.setString(1, mode);
      return completeRun(select);
    } catch (SQLException e) {
      throw failure("read the run history", e);
    }
  }

  private Optional<RunRecord> completeRun(PreparedStatement select) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new RunRecord(
              row.getLong(1),
              row.getString(2),
              Instant.parse(row.getString(3)),
              Instant.parse(row.getString(4)),
              row.getString(5),
              row.getString(6)));
    }
  }

  /** The deactivated users as the last complete crawl saw them. */
  public synchronized Set<String> deactivatedUsers() {
    try (Statement select = db.createStatement();
        ResultSet rows = select.executeQuery("SELECT email FROM deactivated_users")) {
      Set<String> emails = new HashSet<>();
      while (rows.next()) {
        emails.add(rows.getString(1));
      }
      return emails;
    } catch (SQLException e) {
      throw failure("read the deactivated users", e);
    }
  }

  /** Replaces the deactivated users with those a complete crawl saw. */
  public synchronized void recordDeactivatedUsers(Set<String> emails) {
    try {
      db.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("start a transaction", e);
    }
    try (Statement clear = db.createStatement();
        PreparedStatement insert =
            db.prepareStatement("INSERT INTO deactivated_users (email) VALUES (?)")) {
      clear.executeUpdate("DELETE FROM deactivated_users");
      for (String email : emails) {
        insert.setString(1, email);
        insert.addBatch();
      }
      insert.executeBatch();
      db.commit();
    } catch (SQLException e) {
      throw failure("record the deactivated users", e);
    } finally {
      endTransaction();
    }
  }

  /** The users an unfinished run recorded as fully indexed. */
  public synchronized Set<String> finishedUsers(long runId) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT user_id FROM run_users WHERE run_id = ?")) {
      select.setLong(1, runId);
      Set<String> users = new HashSet<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          users.add(rows.getString(1));
        }
      }
      return users;
    } catch (SQLException e) {
      throw failure("read the checkpoint", e);
    }
  }

  /** Closes a run with its outcome ({@code complete}, {@code partial}, {@code failed}). */
  public synchronized void finishRun(long runId, Instant finished, String outcome, String report) {
    try (PreparedStatement update =
        db.prepareStatement("UPDATE runs SET finished = ?, outcome = ?, report = ? WHERE id = ?")) {
      update.setString(1, finished.toString());
      update.setString(2, outcome);
      update.setString(3, report);
      update.setLong(4, runId);
      update.executeUpdate();
      try (PreparedStatement checkpoint =
          db.prepareStatement("DELETE FROM run_users WHERE run_id = ?")) {
        checkpoint.setLong(1, runId);
        checkpoint.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the run", e);
    }
  }

  /** The most recent runs, newest first. */
  public synchronized List<RunRecord> recentRuns(int limit) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT id, mode, started, finished, outcome, report FROM runs ORDER BY id DESC"
                + " LIMIT ?")) {
      select.setInt(1, limit);
      List<RunRecord> runs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String finished = rows.getString(4);
          runs.add(
              new RunRecord(
                  rows.getLong(1),
                  rows.getString(2),
                  Instant.parse(rows.getString(3)),
                  finished == null ? null : Instant.parse(finished),
                  rows.getString(5),
                  rows.getString(6)));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw failure("read the run history", e);
    }
  }

  /** The id of the newest run of any mode, finished or not; 0 when there was none. */
  public synchronized long latestRunId() {
    try (Statement s = db.createStatement();
        ResultSet row = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM runs")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw failure("read the run history", e);
    }
  }

  /** When the newest run of this mode started, if there was one. */
  public synchronized Optional<Instant> lastStarted(String mode) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT started FROM runs WHERE mode = ? ORDER BY id DESC LIMIT 1")) {
      select.setString(1, mode);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read the run history", e);
    }
  }

  /**
   * Forgets finished runs that started before {@code cutoff}, but always keeps the newest {@code
   * keep} runs and the last complete one (where the next incremental crawl starts).
   *
   * @return how many runs were forgotten
   */
  public synchronized int pruneRuns(Instant cutoff, int keep) {
    try (PreparedStatement delete =
        db.prepareStatement(
            "DELETE FROM runs WHERE started < ? AND finished IS NOT NULL"
                + " AND id NOT IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?)"
                + " AND id NOT IN (SELECT id FROM runs WHERE outcome = 'complete'"
                + " ORDER BY id DESC LIMIT 1)")) {
      delete.setString(1, cutoff.toString());
      delete.setInt(2, keep);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("prune the run history", e);
    }
  }

  /**
   * Makes the next incremental crawl a full one (a user was reactivated or created, which can
   * change documents no webhook names). A complete full crawl clears it.
   */
  public synchronized void requestFullCrawl() {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("INSERT OR IGNORE INTO flags (name) VALUES ('full_crawl_needed')");
    } catch (SQLException e) {
      throw failure("record that a full crawl is needed", e);
    }
  }

  /** Whether {@link #requestFullCrawl()} was called since the last complete full crawl. */
  public synchronized boolean fullCrawlRequested() {
    try (Statement s = db.createStatement();
        ResultSet row =
            s.executeQuery("SELECT COUNT(*) FROM flags WHERE name = 'full_crawl_needed'")) {
      row.next();
      return row.getLong(1) > 0;
    } catch (SQLException e) {
      throw failure("read the flags", e);
    }
  }

  /** Clears {@link #requestFullCrawl()}: a full crawl completed. */
  public synchronized void fullCrawlDone() {
    try (Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM flags WHERE name = 'full_crawl_needed'");
    } catch (SQLException e) {
      throw failure("clear a flag", e);
    }
  }

  /**
   * Records the crawl settings a crawl runs with ({@code requested}), or those a complete full
   * crawl has made the index reflect ({@code in_force}).
   *
   * @param role {@code requested} or {@code in_force}
   * @param fingerprint {@code CrawlSettings.fingerprint()}
   * @param description the settings as text, for people reading the state
   */
  public synchronized void recordCrawlSettings(
      String role, String fingerprint, String description) {
    try (PreparedStatement upsert =
        db.prepareStatement(
            "INSERT OR REPLACE INTO crawl_settings (role, fingerprint, description) VALUES (?, ?,"
                + " ?)")) {
      upsert.setString(1, role);
      upsert.setString(2, fingerprint);
      upsert.setString(3, description);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw failure("record the crawl settings", e);
    }
  }

  /** The fingerprint {@link #recordCrawlSettings} last recorded for {@code role}, if any. */
  public synchronized Optional<String> crawlSettings(String role) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT fingerprint FROM crawl_settings WHERE role = ?")) {
      select.setString(1, role);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read the crawl settings", e);
    }
  }

  /** The description {@link #recordCrawlSettings} last recorded for {@code role}, if any. */
  public synchronized Optional<String> crawlSettingsDescription(String role) {
    try (PreparedStatement select =
        db.prepareStatement("SELECT description FROM crawl_settings WHERE role = ?")) {
      select.setString(1, role);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure("read the crawl settings", e);
    }
  }

  /** Adds deactivated (or deleted) users, who see nothing from now on. */
  public synchronized void addDeactivatedUsers(Collection<String> emails) {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT OR IGNORE INTO deactivated_users (email) VALUES (?)")) {
      for (String email : emails) {
        insert.setString(1, email);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the deactivated users", e);
    }
  }

  /** Removes reactivated users from the deactivated ones. */
  public synchronized void removeDeactivatedUsers(Collection<String> emails) {
    try (PreparedStatement delete =
        db.prepareStatement("DELETE FROM deactivated_users WHERE email = ?")) {
      for (String email : emails) {
        delete.setString(1, email);
        delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the reactivated users", e);
    }
  }

  /**
   * Durably records a received webhook event, unless one with the same key was recorded before.
   *
   * @return whether it was new (false for a redelivery)
   */
  public synchronized boolean recordWebhookEvent(
      String dedupeKey, String event, String body, Instant received) {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT OR IGNORE INTO webhook_events (dedupe_key, event, body, received, status)"
                + " VALUES (?, ?, ?, ?, 'pending')")) {
      insert.setString(1, dedupeKey);
      insert.setString(2, event);
      insert.setString(3, body);
      insert.setString(4, received.toString());
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("record a webhook event", e);
    }
  }

  /** The oldest pending webhook events, at most {@code limit}, in the order received. */
  public synchronized List<WebhookEvent> pendingWebhookEvents(int limit) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT seq, event, body, received FROM webhook_events WHERE status = 'pending'"
                + " ORDER BY seq LIMIT ?")) {
      select.setInt(1, limit);
      List<WebhookEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(
              new WebhookEvent(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  Instant.parse(rows.getString(4))));
        }
      }
      return events;
    } catch (SQLException e) {
      throw failure("read the webhook events", e);
    }
  }

  /** Marks webhook events as handled ({@code done}) or given up ({@code failed}). */
  public synchronized void finishWebhookEvents(
      Collection<Long> sequences, String status, Instant at) {
    try (PreparedStatement update =
        db.prepareStatement("UPDATE webhook_events SET status = ?, processed = ? WHERE seq = ?")) {
      for (long seq : sequences) {
        update.setString(1, status);
        update.setString(2, at.toString());
        update.setLong(3, seq);
        update.executeUpdate();
      }
    } catch (SQLException e) {
      throw failure("record the handled webhook events", e);
    }
  }

  /** How many webhook events are in each status ({@code pending}, {@code done}, ...). */
  public synchronized Map<String, Long> webhookEventCounts() {
    try (Statement s = db.createStatement();
        ResultSet rows =
            s.executeQuery(
                "SELECT status, COUNT(*) FROM webhook_events GROUP BY status ORDER BY status")) {
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw failure("read the webhook events", e);
    }
  }

  /** As {@link #webhookEventCounts}, for the events received at or after {@code from}. */
  public synchronized Map<String, Long> webhookEventCountsSince(Instant from) {
    try (PreparedStatement select =
        db.prepareStatement(
            "SELECT status, COUNT(*) FROM webhook_events WHERE received >= ? GROUP BY status"
                + " ORDER BY status")) {
      select.setString(1, from.toString());
      Map<String, Long> counts = new java.util.LinkedHashMap<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getLong(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw failure("read the webhook events", e);
    }
  }

  /** When the oldest webhook event still pending was received, if one is. */
  public synchronized Optional<Instant> oldestPendingWebhookEvent() {
    try (Statement s = db.createStatement();
        ResultSet row =
            s.executeQuery(
                "SELECT received FROM webhook_events WHERE status = 'pending' ORDER BY seq LIMIT"
                    + " 1")) {
      return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
    } catch (SQLException e) {
      throw failure("read the webhook events", e);
    }
  }

  /** Forgets handled webhook events received before {@code cutoff}; pending ones stay. */
  public synchronized int pruneWebhookEvents(Instant cutoff) {
    try (PreparedStatement delete =
        db.prepareStatement(
            "DELETE FROM webhook_events WHERE received < ? AND status <> 'pending'")) {
      delete.setString(1, cutoff.toString());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw failure("prune the webhook events", e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw failure("close the state", e);
    }
  }

  /** Back to autocommit after a batch, rolling back whatever the batch left unfinished. */
  private void endTransaction() {
    try {
      if (!db.getAutoCommit()) {
        db.rollback();
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("end a transaction", e);
    }
  }

  private StorageException failure(String action, SQLException e) {
    return new StorageException(
        "Could not "
            + action
            + " in the sync state ("
            + e.getMessage()
            + "); check that the data directory is writable and the disk is not full.",
        e);
  }

  /** A received webhook event: its order of arrival, name, raw body and when it came. */
  public record WebhookEvent(long sequence, String event, String body, Instant received) {}

  /** One run of the history. {@code finished} and {@code outcome} are null while it runs. */
  public record RunRecord(
      long id, String mode, Instant started, Instant finished, String outcome, String report) {}
}
