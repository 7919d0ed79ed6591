package dev.dualdb.support;

import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the commands the service sends to MongoDB (registered on the client's settings).
 * Used to prove that a cached read makes no MongoDB round trip.
 */
public class MongoCommandCounter implements CommandListener {

    private final AtomicLong commands = new AtomicLong();

    /**
     * How many commands were started so far.
     * @return the count
     */
    public long commands() {
        return this.commands.get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        this.commands.incrementAndGet();
    }

}
