package io.zoomdex.lease;

import io.zoomdex.sync.StorageException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's hold on the {@link WriterLease}: it renews the hold every third of the lease
 * duration, and (when campaigning) looks at the lease every tenth of it, so that it sees the
 * holder's last renewal soon after it was made and takes over soon after the lease ran out. Writers
 * ask it for a {@link LeaseFence} before writing; {@link #close()} releases the lease, so a standby
 * takes over at once instead of after the lease runs out. {@link #tick()} is public so tests drive
 * it without a thread.
 */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  private final WriterLease lease;
  private final boolean campaign;
  private final Runnable onAcquired;
  private volatile LeaseHold hold;
  private ScheduledExecutorService thread;

  /**
   * @param campaign whether to keep trying to take the lease while another process holds it (a
   *     {@code serve} replica); false to only keep a hold taken by {@link #acquireNow()} (a crawl)
   * @param onAcquired called on the keeper's thread each time the lease is taken (must not block)
   */
  public LeaseKeeper(WriterLease lease, boolean campaign, Runnable onAcquired) {
    this.lease = lease;
    this.campaign = campaign;
    this.onAcquired = onAcquired;
  }

  /** How often {@link #start()} ticks: a tenth of the lease duration (renewing every third). */
  public Duration period() {
    return lease.duration().dividedBy(10);
  }

  /**
   * Tries once to take the lease now.
   *
   * @return whether this process holds it afterwards
   * @throws StorageException when OpenSearch could not be reached
   */
  public synchronized boolean acquireNow() {
    if (hold == null) {
      lease.tryAcquire().ifPresent(this::acquired);
    }
    return hold != null;
  }

  /**
   * Renews the hold when a third of the lease duration passed since the last renewal, or campaigns
   * for the lease; never throws (failures are logged).
   */
  public synchronized void tick() {
    LeaseHold current = hold;
    try {
      if (current != null) {
        if (!lease.dueForRenewal(current)) {
          return;
        }
        Optional<LeaseHold> renewed = lease.renew(current);
        if (renewed.isPresent()) {
          hold = renewed.get();
        } else {
          lost(current, "another process took it");
        }
      } else if (campaign) {
        lease.tryAcquire().ifPresent(this::acquired);
      }
    } catch (StorageException e) {
      if (current != null && !lease.valid(current)) {
        lost(current, "it could not be renewed in time: " + e.getMessage());
      } else {
        log.warn("Writer lease: {}", e.getMessage());
      }
    } catch (RuntimeException e) {
      log.error("Writer lease: unexpected failure", e);
    }
  }

  private void acquired(LeaseHold taken) {
    hold = taken;
    log.info("This process is now the writer (lease epoch {})", taken.epoch());
    onAcquired.run();
  }

  private void lost(LeaseHold was, String why) {
    hold = null;
    log.warn("This process lost the writer lease (epoch {}): {}", was.epoch(), why);
  }

  /**
   * The fence to write under, when this process holds a valid lease now.
   *
   * @return empty when another process is the writer (or this one's hold ran out)
   */
  public Optional<LeaseFence> fence() {
    LeaseHold current = hold;
    return current != null && lease.valid(current)
        ? Optional.of(new LeaseFence(this, current.epoch()))
        : Optional.empty();
  }

  /** Whether this process holds the lease with {@code epoch}, valid on this machine's clock. */
  boolean holdsLocally(long epoch) {
    LeaseHold current = hold;
    return current != null && current.epoch() == epoch && lease.valid(current);
  }

  WriterLease lease() {
    return lease;
  }

  /** The current hold, or null (for tests). */
  LeaseHold hold() {
    return hold;
  }

  /** Renews (or campaigns) every {@link #period()} on a daemon thread until closed. */
  // tick() never throws, so the scheduled future holds nothing worth reading.
  @SuppressWarnings("FutureReturnValueIgnored")
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "zoomdex-writer-lease");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, period().toMillis());
    thread.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Stops renewing and releases the lease if held, so another process may take it at once. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = thread;
      thread = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      LeaseHold current = hold;
      hold = null;
      if (current != null) {
        try {
          lease.release(current);
          log.info("Released the writer lease (epoch {})", current.epoch());
        } catch (StorageException e) {
          log.warn("Could not release the writer lease; it expires on its own: {}", e.getMessage());
        }
      }
    }
  }
}
