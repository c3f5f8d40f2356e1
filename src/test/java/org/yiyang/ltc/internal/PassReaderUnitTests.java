package org.yiyang.ltc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The settlement's reader thread: batches in order without the beneficiaries already settled, the end, the stop
 * after {@code max}, and a failure of the pass handed to the settling thread (thrown there) instead of a hang.
 */
class PassReaderUnitTests {

    @Test
    @Timeout(10)
    void handsOverBatchesInOrderSkippingTheSettledAndThenTheEnd() throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var reader = new SettlementRuns.PassReader(source(ids, -1), Set.of(ids.get(1)), Integer.MAX_VALUE);
        Thread thread = start(reader);
        assertThat(reader.take()).extracting(MonthCaseBuilder.MonthOf::beneficiary)
                .containsExactly(ids.get(0), ids.get(2));
        assertThat(reader.take()).isEmpty();
        thread.join(Duration.ofSeconds(5).toMillis());
        assertThat(thread.isAlive()).isFalse();
        assertThat(reader.seen).isEqualTo(3);                      // the settled one is read too (the fingerprint)
        assertThat(reader.stopped).isFalse();
    }

    @Test
    @Timeout(10)
    void stopsAfterMaxAndSaysSo() throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var reader = new SettlementRuns.PassReader(source(ids, -1), Set.of(), 2);
        start(reader);
        assertThat(reader.take()).hasSize(2);
        assertThat(reader.take()).isEmpty();
        assertThat(reader.stopped).isTrue();
    }

    @Test
    @Timeout(10)
    void aFailureOfThePassIsThrownInTheSettlingThread() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var reader = new SettlementRuns.PassReader(source(ids, 2), Set.of(), Integer.MAX_VALUE);
        start(reader);
        assertThatThrownBy(reader::take).isInstanceOf(IllegalStateException.class).hasMessage("connection lost");
    }

    @Test
    @Timeout(10)
    void aReaderWaitingOnAFullQueueEndsWhenTheSettlingThreadGivesUp() throws Exception {
        AtomicInteger n = new AtomicInteger();
        SettlementRuns.PassSource endless = () -> new MonthCaseBuilder.MonthOf(
                new UUID(0, n.incrementAndGet()), List.of(), List.of());
        var reader = new SettlementRuns.PassReader(endless, Set.of(), Integer.MAX_VALUE);
        Thread thread = start(reader);
        reader.take();                                               // the settling thread fails after one batch
        thread.interrupt();
        thread.join(Duration.ofSeconds(5).toMillis());
        assertThat(thread.isAlive()).isFalse();
    }

    /** The months of these beneficiaries in order; throws instead of the one at {@code failAt} (-1: never). */
    private static SettlementRuns.PassSource source(List<UUID> ids, int failAt) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int i = next.getAndIncrement();
            if (i == failAt) {
                throw new IllegalStateException("connection lost");
            }
            return i < ids.size() ? new MonthCaseBuilder.MonthOf(ids.get(i), List.of(), List.of()) : null;
        };
    }

    private static Thread start(Runnable reader) {
        Thread thread = new Thread(reader, "test-pass");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
