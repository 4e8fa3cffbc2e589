package org.jparallel.repl;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * Where {@code java.util.logging} records go in a process that runs cells (a kernel, an engine): the process's own
 * records (loggers under {@code org.jparallel}) to its real stderr, in its log's format; everyone else's (a cell's,
 * a library's, the JDK's) to {@code System.err} as it is when the record is logged, which in a cell is the cell's
 * stderr, in the JDK's default format. A library's warning then shows in the notebook as {@code [stderr]} (or
 * {@code [stderr:N]} from an engine), as Python's logging does under ipykernel, and as a program run in a terminal
 * would print it. {@code System.Logger} goes through {@code java.util.logging} unless an application replaces it.
 *
 * <pre>{@code
 * UserLogRecords.install(System.err, "[engine %1$tT %4$s] %5$s%6$s%n");
 * }</pre>
 */
public final class UserLogRecords {
    /** The loggers whose records are the process's own. */
    private static final String OWN_LOGGERS = "org.jparallel";
    /** {@code java.util.logging.SimpleFormatter}'s format when none is configured. */
    private static final String JDK_FORMAT = "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s%n%4$s: %5$s%6$s%n";

    private UserLogRecords() {
    }

    /**
     * Replaces the root logger's handlers: the process's records to {@code processLog} in {@code processFormat}
     * (a {@link SimpleFormatter} format), the rest to the current {@code System.err}, both from level INFO.
     */
    public static void install(PrintStream processLog, String processFormat) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        // Read by SimpleFormatter when it is created, so it must be set first.
        System.setProperty("java.util.logging.SimpleFormatter.format", processFormat);
        // Not a ConsoleHandler given this stream: its setOutputStream closes the stream it had, System.err itself,
        // and every later warning (a badly signed message dropped, say) went nowhere.
        Handler own = new StreamHandler(processLog, new SimpleFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        own.setLevel(Level.INFO);
        own.setFilter(UserLogRecords::isOwn);
        root.addHandler(own);
        root.addHandler(new CurrentStandardError());
    }

    static boolean isOwn(LogRecord record) {
        String logger = record.getLoggerName();
        return logger != null && (logger.equals(OWN_LOGGERS) || logger.startsWith(OWN_LOGGERS + "."));
    }

    /** Writes to whatever {@code System.err} is at each record: the running cell's stderr, where there is one. */
    static final class CurrentStandardError extends Handler {
        CurrentStandardError() {
            setLevel(Level.INFO);
            setFilter(record -> !isOwn(record));
            setFormatter(new JdkDefaultFormat());
        }

        @Override
        public void publish(LogRecord record) {
            if (!isLoggable(record)) {
                return;
            }
            String text;
            try {
                text = getFormatter().format(record);
            } catch (RuntimeException e) {
                text = record.getLevel() + ": " + record.getMessage() + System.lineSeparator();
            }
            PrintStream err = System.err;
            err.print(text);
            err.flush();
        }

        @Override
        public void flush() {
            System.err.flush();
        }

        @Override
        public void close() {
            // System.err is not ours to close
        }
    }

    /**
     * SimpleFormatter's output with the JDK's default format, whatever the process set for its own log: the
     * format property is the JVM's, and this process's is not the one a user's logger is expected to print in.
     */
    static final class JdkDefaultFormat extends Formatter {
        @Override
        public String format(LogRecord record) {
            ZonedDateTime time = ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault());
            String source = record.getSourceClassName() == null ? record.getLoggerName()
                    : record.getSourceClassName()
                    + (record.getSourceMethodName() == null ? "" : " " + record.getSourceMethodName());
            String thrown = "";
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                PrintWriter out = new PrintWriter(trace);
                out.println();
                record.getThrown().printStackTrace(out);
                out.close();
                thrown = trace.toString();
            }
            return String.format(JDK_FORMAT, time, source, record.getLoggerName(),
                    record.getLevel().getLocalizedName(), formatMessage(record), thrown);
        }
    }
}
