package org.teamfinder.skills.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.testkit.Eventually;

class RepeatedWarningsTest {

    private final Logger log = (Logger) LoggerFactory.getLogger("repeated-warnings-test");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    RepeatedWarningsTest() {
        lines.start();
        log.addAppender(lines);
    }

    @Test
    void aStormIsOneLineThenOneSummaryPerInterval() {
        RepeatedWarnings warnings = new RepeatedWarnings(log, "failures", Duration.ofMillis(300));

        for (int i = 0; i < 1000; i++) {
            warnings.warn("failure {}", i);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("failure 0");
        Eventually.await(() -> lines.list.size(), size -> size == 2, Duration.ofSeconds(5), "the summary");
        assertThat(lines.list.get(1).getFormattedMessage()).isEqualTo("... and 999 more failures in the last 300 ms");
    }

    @Test
    void theFirstWarningOfTheNextIntervalIsLoggedAgain() throws InterruptedException {
        RepeatedWarnings warnings = new RepeatedWarnings(log, "failures", Duration.ofMillis(100));

        warnings.warn("first");
        Thread.sleep(150);
        warnings.warn("second");

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("first", "second");
    }
}
