// Runs Neo4j Community 5.26 (Bolt + HTTP + Browser) from the jars in lib/, so PlanGraph
// has a real Neo4j on machines without Docker. Java 17 runs this single file directly:
//
//   NEO4J_PASSWORD=... java -Xmx512m --add-opens=java.base/java.nio=ALL-UNNAMED \
//     --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
//     -Dio.netty.tryReflectionSetAccessible=true -cp "lib/*" Launcher.java \
//     --home ../../.neo4j --bolt-port 7687 --http-port 7474 [--pagecache 256m]
//     [--transaction-memory 256m] [--exit-on-stdin-close]
//
// The password is read from the NEO4J_PASSWORD environment variable (not an argument, so it
// does not show up in `ps`). When the server answers, one line starting with
// "PLANGRAPH-NEO4J READY" is printed; the Node side waits for it.

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.kernel.api.impl.index.LuceneSettings;
import org.neo4j.kernel.internal.Version;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import org.neo4j.server.configuration.ServerSettings;

public class Launcher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        Path home = Path.of(args.getOrDefault("home", ".neo4j")).toAbsolutePath().normalize();
        int boltPort = Integer.parseInt(args.getOrDefault("bolt-port", "7687"));
        int httpPort = Integer.parseInt(args.getOrDefault("http-port", "7474"));
        long pageCache = parseBytes(args.getOrDefault("pagecache", "256m"));
        long transactionMemory = parseBytes(args.getOrDefault("transaction-memory", "256m"));
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("NEO4J_PASSWORD must be set to a password of at least 8 characters.");
        }
        Files.createDirectories(home);

        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, true);
        config.put(BoltConnector.listen_address, new SocketAddress(HOST, boltPort));
        config.put(BoltConnector.advertised_address, new SocketAddress(HOST, boltPort));
        // HTTP on makes the embedded factory start the web server, which serves Browser at /browser/.
        config.put(HttpConnector.enabled, true);
        config.put(HttpConnector.listen_address, new SocketAddress(HOST, httpPort));
        config.put(HttpConnector.advertised_address, new SocketAddress(HOST, httpPort));
        config.put(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST));
        config.put(GraphDatabaseSettings.default_advertised_address, new SocketAddress(HOST));
        config.put(GraphDatabaseSettings.auth_enabled, true);
        // Unset, the page cache sizes itself at about half the machine's RAM.
        config.put(GraphDatabaseSettings.pagecache_memory, pageCache);
        // db.memory.transaction.max: one transaction that needs more fails alone (a clear error to
        // its client) instead of taking the heap every other transaction shares.
        config.put(GraphDatabaseSettings.memory_transaction_max_size, transactionMemory);
        // Neo4j's HTTP answers "Access-Control-Allow-Origin: *" by default: any web page could
        // script it. Browser is served from this same origin and needs no CORS at all.
        config.put(ServerSettings.http_access_control_allow_origin, "http://" + HOST + ":" + httpPort);

        // Full-text segments merged at a time: graph/local/launcher.ts LUCENE_MERGE_FACTOR says why.
        if (args.containsKey("lucene-merge-factor")) {
            config.put(LuceneSettings.lucene_merge_factor, Integer.parseInt(args.get("lucene-merge-factor")));
        }

        long started = System.nanoTime();
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(config)
                    .setUserLogProvider(new Log4jLogProvider(System.out, Level.WARN))
                    .build();
        } catch (Throwable e) {
            if (hasCause(e, BindException.class)) {
                fail("a port is already in use (bolt " + boltPort + ", http " + httpPort
                        + "). Stop whatever uses it or choose other ports. " + rootMessage(e));
            }
            if (hasCauseNamed(e, "FileLockException")) {
                fail("another Neo4j is already running on " + home + " (store is locked). " + rootMessage(e));
            }
            throw e;
        }

        // SIGTERM / SIGINT / normal exit: flush and close the store, so the next start needs no recovery.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("PLANGRAPH-NEO4J STOPPING");
            dbms.shutdown();
            System.out.println("PLANGRAPH-NEO4J STOPPED");
        }, "plangraph-neo4j-shutdown"));

        setPassword(dbms.database("system"), password);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("PLANGRAPH-NEO4J READY version=%s bolt=bolt://%s:%d browser=http://%s:%d/browser/ home=%s seconds=%.1f pid=%d%n",
                Version.getNeo4jVersion(), HOST, boltPort, HOST, httpPort, home, seconds, ProcessHandle.current().pid());
        System.out.flush();

        if (args.containsKey("exit-on-stdin-close")) {
            // The parent (a test run) holds our stdin; when it dies, the pipe closes and we stop too.
            InputStream in = System.in;
            while (in.read() != -1) { /* ignore input */ }
            System.exit(0);
        } else {
            Thread.currentThread().join();
        }
    }

    /** Sets the neo4j user's password; on the first start this also clears the "change required" flag. */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
        } catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one already set: that is the state we want.
            String msg = String.valueOf(rootMessage(e));
            if (!msg.contains("same")) throw e;
        }
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) fail("unexpected argument " + a);
            String key = a.substring(2);
            if (key.equals("exit-on-stdin-close")) { out.put(key, "true"); continue; }
            if (i + 1 >= argv.length) fail("missing value for " + a);
            out.put(key, argv[++i]);
        }
        return out;
    }

    private static long parseBytes(String s) {
        String t = s.trim().toLowerCase();
        long mult = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k') mult = 1L << 10; else if (last == 'm') mult = 1L << 20; else if (last == 'g') mult = 1L << 30;
        if (mult != 1) t = t.substring(0, t.length() - 1);
        return Long.parseLong(t) * mult;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }

    private static boolean hasCauseNamed(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t.getClass().getSimpleName().equals(simpleName)) return true;
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    private static void fail(String message) {
        System.err.println("PLANGRAPH-NEO4J ERROR " + message);
        System.exit(2);
    }
}
