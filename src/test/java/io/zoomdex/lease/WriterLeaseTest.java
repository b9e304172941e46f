package io.zoomdex.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.lease.LeaseTestCluster.Process;
import io.zoomdex.sink.SinkException;
import io.zoomdex.sink.opensearch.EmbeddedOpenSearch;
import io.zoomdex.sink.opensearch.SharedOpenSearch;
import io.zoomdex.sync.WriterBusyException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedOpenSearch.class)
class WriterLeaseTest {
  private static final Duration LEASE = LeaseTestCluster.LEASE;

  private final LeaseTestCluster cluster;
  private final Process a;
  private final Process b;

  WriterLeaseTest(EmbeddedOpenSearch node) {
    cluster = new LeaseTestCluster(node);
    a = cluster.process("a");
    b = cluster.process("b");
  }

  @AfterEach
  void cleanUp() throws Exception {
    cluster.close();
  }

  @Test
  void firstTaker_getsEpochOne_andAnotherProcessIsRefused() {
    Optional<LeaseHold> held = a.lease().tryAcquire();

    assertThat(held).isPresent();
    assertThat(held.get().epoch()).isEqualTo(1);
    assertThat(b.lease().tryAcquire()).isEmpty();
    assertThat(b.lease().read().orElseThrow().holder()).isEqualTo("a");
  }

  @Test
  void holderThatKeepsRenewing_keepsTheLease_howeverLongTheStandbyWaits() {
    LeaseHold hold = a.lease().tryAcquire().orElseThrow();
    for (int i = 0; i < 5; i++) {
      assertThat(b.lease().tryAcquire()).isEmpty();
      b.ticker().advance(LEASE.minusSeconds(1));
      a.ticker().advance(LEASE.minusSeconds(1));
      hold = a.lease().renew(hold).orElseThrow();
      assertThat(a.lease().valid(hold)).isTrue();
    }

    assertThat(b.lease().tryAcquire()).isEmpty();
    assertThat(hold.epoch()).isEqualTo(1);
  }

  @Test
  void holderThatStopsRenewing_losesTheLease_aWholeDurationAfterTheStandbySawItLast() {
    LeaseHold hold = a.lease().tryAcquire().orElseThrow();
    assertThat(b.lease().tryAcquire()).isEmpty(); // first sighting

    b.ticker().advance(LEASE.minusMillis(1));
    assertThat(b.lease().tryAcquire()).isEmpty();
    b.ticker().advance(Duration.ofMillis(1));
    Optional<LeaseHold> taken = b.lease().tryAcquire();

    assertThat(taken).isPresent();
    assertThat(taken.get().epoch()).isEqualTo(2);
    assertThat(a.lease().renew(hold)).as("the old holder's renewal is refused").isEmpty();
    assertThat(a.lease().heldNow(1)).isFalse();
    assertThat(b.lease().heldNow(2)).isTrue();
  }

  @Test
  void holderStopsTrustingItsHold_beforeAnyStandbyMayTakeIt() {
    LeaseHold hold = a.lease().tryAcquire().orElseThrow();

    a.ticker().advance(a.lease().validFor().minusMillis(1));
    assertThat(a.lease().valid(hold)).isTrue();
    a.ticker().advance(Duration.ofMillis(1));
    assertThat(a.lease().valid(hold)).isFalse();
    assertThat(a.lease().validFor()).isLessThan(LEASE);
  }

  @Test
  void release_letsAStandbyTakeOverAtOnce_withALargerEpoch() {
    LeaseHold hold = a.lease().tryAcquire().orElseThrow();
    assertThat(b.lease().tryAcquire()).isEmpty();

    a.lease().release(hold);

    assertThat(b.lease().tryAcquire().orElseThrow().epoch()).isEqualTo(2);
  }

  @Test
  void renewalWhoseAnswerWasLost_isRecognisedAsStillOurs() {
    LeaseHold first = a.lease().tryAcquire().orElseThrow();
    assertThat(a.lease().renew(first)).isPresent(); // landed; suppose its answer never arrived

    Optional<LeaseHold> again = a.lease().renew(first);

    assertThat(again).isPresent();
    assertThat(again.get().epoch()).isEqualTo(1);
  }

  @Test
  void keeper_takesRenewsAndReleases() {
    a.keeper().tick();
    b.keeper().tick();
    assertThat(a.keeper().fence()).isPresent();
    assertThat(b.keeper().fence()).isEmpty();

    a.ticker().advance(LEASE.dividedBy(10));
    LeaseHold before = a.keeper().hold();
    a.keeper().tick();
    assertThat(a.keeper().hold()).as("not renewed before a third of the lease").isEqualTo(before);
    a.ticker().advance(LEASE.dividedBy(3));
    a.keeper().tick(); // renews
    assertThat(a.keeper().hold().seqNo()).isGreaterThan(before.seqNo());
    b.ticker().advance(LEASE.dividedBy(3).multipliedBy(2));
    b.keeper().tick();
    assertThat(b.keeper().fence()).as("a renewal restarts the standby's wait").isEmpty();

    a.keeper().close();
    b.keeper().tick();
    assertThat(b.keeper().fence().orElseThrow().epoch()).isEqualTo(2);
  }

  @Test
  void keeperThatCannotRenewInTime_givesUpItsFence_onItsOwnClock() {
    a.keeper().tick();
    LeaseFence fence = a.keeper().fence().orElseThrow();

    a.ticker().advance(a.lease().validFor());

    assertThat(a.keeper().fence()).isEmpty();
    assertThatThrownBy(fence::verify).isInstanceOf(WriterBusyException.class);
  }

  @Test
  void fence_refusesTheOldHolder_onceAnotherTookOver_evenWhileItsOwnClockSaysValid()
      throws Exception {
    a.keeper().tick();
    LeaseFence stale = a.keeper().fence().orElseThrow();
    stale.check();
    b.keeper().tick();
    b.ticker().advance(LEASE);
    b.keeper().tick(); // takes over: a was paused and never renewed

    assertThat(b.keeper().fence().orElseThrow().epoch()).isEqualTo(2);
    assertThatThrownBy(stale::check)
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("no longer holds the writer lease");
    a.ticker().advance(LEASE.dividedBy(3));
    a.keeper().tick(); // the paused holder wakes and tries to renew
    assertThat(a.keeper().fence()).isEmpty();
  }
}
