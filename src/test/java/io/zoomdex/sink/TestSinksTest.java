package io.zoomdex.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zoomdex.document.Change;
import io.zoomdex.document.Document;
import io.zoomdex.document.DocumentId;
import io.zoomdex.document.DocumentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The doubles other tests lean on must keep the real contract. */
class TestSinksTest {

  private static Change upsert(String key) {
    return new Change.Upsert(
        new Document(
            new DocumentId(DocumentType.MEETING, key), key, "", "", null, 0, "", null, null));
  }

  @Test
  void inMemory_crashOrClose_losesOnlyUncommittedChanges() throws Exception {
    InMemoryIndexSink sink = new InMemoryIndexSink();
    sink.applyAll(List.of(upsert("1"), upsert("1"), upsert("2")));
    sink.commit();
    sink.apply(new Change.Delete(new DocumentId(DocumentType.MEETING, "1")));
    assertThat(sink.pending()).hasSize(1);
    sink.crash();
    assertThat(sink.documentCount()).isEqualTo(2);
    assertThat(sink.pending()).hasSize(2);
    sink.close();
    assertThatThrownBy(() -> sink.apply(upsert("3"))).isInstanceOf(SinkException.class);
  }

  @Test
  void failing_afterApplies_keepsEarlierChangesAndSaysIfRetryable() throws Exception {
    FailingIndexSink sink = FailingIndexSink.failingAfterApplies(1, true);
    sink.apply(upsert("1"));
    assertThatThrownBy(() -> sink.apply(upsert("2")))
        .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.retryable()).isTrue());
    sink.commit();
    assertThat(sink.documentCount()).isEqualTo(1);
  }

  @Test
  void failing_onCommit_makesNothingDurable() throws Exception {
    FailingIndexSink sink = FailingIndexSink.failingOnCommit(false);
    sink.apply(upsert("1"));
    assertThatThrownBy(sink::commit)
        .isInstanceOfSatisfying(SinkException.class, e -> assertThat(e.retryable()).isFalse());
    assertThat(sink.documentCount()).isZero();
    assertThat(sink.state().pending()).isEmpty();
  }
}
