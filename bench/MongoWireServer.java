import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A standalone MongoDB-wire server for bench/multi-instance: the mongo-java-server the service
 * embeds, run as a process of its own on 127.0.0.1, so that several dualdb instances share it and
 * a script can stop it (kill -STOP) without touching them. In-memory back end: the data lives as
 * long as the process.
 *
 * <pre>
 * java -cp "$(test classpath)" bench/MongoWireServer.java PORT
 * </pre>
 */
public class MongoWireServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB-wire server listening on 127.0.0.1:" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        Thread.currentThread().join();
    }

}
