package org.teamfinder.skills.api.ops;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;

/**
 * Standard output for a log written on every request (the access log). A line is formatted on the thread
 * that logs it, as with logback's console appender, but into a buffer that reaches standard output in one
 * write at most {@code flushIntervalMillis} later (200 by default), or when it fills; a WARN or ERROR line
 * is written at once, with everything before it. So a busy service makes one write a few hundred lines
 * long instead of one per line, and no thread is woken per line (logback's AsyncAppender wakes its worker
 * for every event, which on two cores cost more than the line itself). Lines keep their order; on a normal
 * stop the buffer is written out.
 */
public final class BatchingConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

    private long flushIntervalMillis = 200;
    private int bufferSize = 64 * 1024;
    private ScheduledExecutorService flusher;

    public void setFlushIntervalMillis(long flushIntervalMillis) {
        this.flushIntervalMillis = flushIntervalMillis;
    }

    public void setBufferSize(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    public void start() {
        // Through System.out (not its file descriptor), so that whoever redirects System.out still gets the lines.
        OutputStream console = new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        };
        setOutputStream(new BufferedOutputStream(console, bufferSize));
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "log-flush-" + getName());
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushIntervalMillis, flushIntervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flush();
        super.stop();
    }

    /** Writes the buffer out, but leaves standard output open: it is not ours to close. */
    @Override
    protected void closeOutputStream() {
        flush();
    }

    private void flush() {
        streamWriteLock.lock();
        try {
            OutputStream stream = getOutputStream();
            if (stream != null) {
                stream.flush();
            }
        } catch (IOException e) {
            addError("Could not write the log to standard output", e);
        } finally {
            streamWriteLock.unlock();
        }
    }
}
