package dev.quiztutor.bench.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import org.sqlite.SQLiteConfig;

/**
 * The durable floor: the bare floor, but a click is answered only after one row for it is committed
 * to SQLite with quiztutor's durability (WAL, {@code synchronous=FULL}: the log is synced on every
 * commit). The least a bot that loses nothing acknowledged must do, done well: JDA's event thread
 * hands the click to one writer thread, which commits whatever clicks have queued in one
 * transaction (one fsync for all of them, as quiztutor's group commit does) and then replies to each.
 */
final class DurableFloor implements BotUnderTest.Answer, AutoCloseable {
    private static final int MAX_BATCH = 256;

    private final Connection connection;
    private final PreparedStatement insert;
    private final BlockingQueue<ButtonInteractionEvent> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /** Opens the database, then starts the bot with this floor answering its clicks. */
    static AutoCloseable start(Path file, Starter bot) throws Exception {
        DurableFloor floor = new DurableFloor(file);
        AutoCloseable shards = bot.start(floor);
        return () -> {
            shards.close();
            floor.close();
        };
    }

    interface Starter {
        AutoCloseable start(BotUnderTest.Answer answer) throws Exception;
    }

    private DurableFloor(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS click (id INTEGER PRIMARY KEY, interaction INTEGER NOT NULL,"
                    + " user INTEGER NOT NULL, message INTEGER NOT NULL, component TEXT NOT NULL, at INTEGER NOT NULL)");
        }
        insert = connection.prepareStatement(
                "INSERT INTO click (interaction, user, message, component, at) VALUES (?, ?, ?, ?, ?)");
        writer = new Thread(this::write, "durable-floor-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void click(ButtonInteractionEvent event) {
        queue.add(event);
    }

    private void write() {
        List<ButtonInteractionEvent> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                for (ButtonInteractionEvent e : batch) {
                    insert.setLong(1, e.getIdLong());
                    insert.setLong(2, e.getUser().getIdLong());
                    insert.setLong(3, e.getMessageIdLong());
                    insert.setString(4, e.getComponentId());
                    insert.setLong(5, System.currentTimeMillis());
                    insert.executeUpdate();
                }
                s.execute("COMMIT");
                for (ButtonInteractionEvent e : batch) {
                    e.reply("Thanks!").setEphemeral(true).queue();
                }
            } catch (SQLException e) {
                // Not acknowledged: the click fails as a lost one would (the fake counts it).
                e.printStackTrace();
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // not in a transaction
                }
            }
            batch.clear();
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        writer.interrupt();
        writer.join(5000);
        connection.close();
    }
}
