// Runs Neo4j Community 5.26 (Bolt + HTTP + Browser) from the jars in lib/, so PlanGraph
// has a real Neo4j on machines without Docker. Java 17 runs this single file directly:
//
//   NEO4J_PASSWORD=... java -Xmx512m --add-opens=java.base/java.nio=ALL-UNNAMED \
//     --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
//     -Dio.netty.tryReflectionSetAccessible=true -cp "lib/*" Launcher.java \
//     --home ../../.neo4j --bolt-port 7687 --http-port 7474 [--pagecache 256m]
//     [--transaction-memory 256m] [--exit-on-stdin-close]
//     [--browser-guide plangraph-guide.html] [--web-dir web]
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

        // Neo4j Browser, offline and opening on the PlanGraph guide: BrowserOffline.java says how.
        // One zip serves every home (tests start many); --web-dir says where, default <home>/web.
        Path webDir = args.containsKey("web-dir") ? Path.of(args.get("web-dir")).toAbsolutePath() : home.resolve("web");
        BrowserOffline.prepare(webDir, args.containsKey("browser-guide") ? Path.of(args.get("browser-guide")) : null);
        config.put(ServerSettings.web_dir_path, webDir);
        config.put(ServerSettings.allow_telemetry, false);
        config.put(ServerSettings.browser_remote_content_hostname_whitelist, HOST + ",localhost");
        if (args.containsKey("browser-guide")) {
            config.put(ServerSettings.browser_post_connect_cmd,
                    "play http://" + HOST + ":" + httpPort + "/browser/" + BrowserOffline.GUIDE_FILE);
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

/**
 * Neo4j Browser as served by the jar loads Google Fonts from its CSS and, depending on settings,
 * segment.com analytics, the canny.io widget and Sentry crash reports: an offline tool must load
 * nothing from outside and send nothing out.
 * Neo4j serves a Browser zip found in its web directory (server setting web_dir_path) in place of
 * the classpath copy, so this writes one there once per Browser jar, patch version and guide: every
 * file of the jar's browser/ folder with those URLs and the Sentry DSN taken out, plus the PlanGraph guide.
 * Telemetry and the start command are ordinary settings (Launcher.main).
 */
final class BrowserOffline {
    static final String GUIDE_FILE = "plangraph-guide.html";
    private static final String PATCH_VERSION = "3";
    /**
     * Sentry crash reporting: the Browser initialises it with a DSN written into its bundle and
     * reports console errors there (seen in CI: a slow start logged an error and the page asked
     * o110884.ingest.sentry.io). With an empty DSN the Sentry client sends nothing.
     */
    private static final java.util.regex.Pattern SENTRY_DSN =
            java.util.regex.Pattern.compile("https://[0-9a-f]+@[a-z0-9.-]+\\.sentry\\.io/[0-9]+");
    private static final java.util.regex.Pattern FONT_IMPORT =
            java.util.regex.Pattern.compile("@import url\\(https://fonts\\.googleapis\\.com/[^)]*\\);?");
    /** Script URLs injected at run time; about:blank loads nothing. */
    private static final String[][] SCRIPT_URLS = {
        {"https://cdn.segment.com/analytics.js/v1/", "about:blank#"},
        {"https://canny.io/sdk.js", "about:blank"},
    };

    private BrowserOffline() {}

    static void prepare(Path webDir, Path guide) throws IOException {
        java.net.URL index = Launcher.class.getClassLoader().getResource("browser/index.html");
        if (index == null || !index.toString().startsWith("jar:file:")) {
            throw new IOException("Neo4j Browser (browser/index.html) is not on the classpath; run \"npx plangraph neo4j install\"");
        }
        String url = index.toString();
        Path jar = Path.of(java.net.URI.create(url.substring(4, url.indexOf("!/"))));
        byte[] guideBytes = guide == null ? null : Files.readAllBytes(guide);
        String key = PATCH_VERSION + " " + jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar)
                + " " + (guideBytes == null ? "-" : java.util.HexFormat.of().formatHex(sha256(guideBytes)));
        Path zip = webDir.resolve("neo4j-browser.zip");
        Path keyFile = webDir.resolve("neo4j-browser.key");
        if (Files.exists(zip) && Files.exists(keyFile) && Files.readString(keyFile).equals(key)) return;

        Files.createDirectories(webDir);
        Path tmp = webDir.resolve("neo4j-browser.zip." + ProcessHandle.current().pid() + ".tmp");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(jar.toFile());
                java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp))) {
            out.setLevel(1);
            // Neo4j unpacks the zip creating each directory from its own entry, parents first, and
            // serves the first entry's folder: browser/ must come first, every folder before its files.
            java.util.Set<String> directories = new java.util.HashSet<>();
            directoriesOf("browser/index.html", out, directories);
            for (java.util.Enumeration<? extends java.util.zip.ZipEntry> e = in.entries(); e.hasMoreElements();) {
                java.util.zip.ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith("browser/")) continue;
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (name.endsWith(".js") || name.endsWith(".css") || name.endsWith(".html")) bytes = offline(bytes);
                directoriesOf(name, out, directories);
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
            if (guideBytes != null) {
                out.putNextEntry(new java.util.zip.ZipEntry("browser/" + GUIDE_FILE));
                out.write(guideBytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keyFile, key);
    }

    private static void directoriesOf(String file, java.util.zip.ZipOutputStream out, java.util.Set<String> written) throws IOException {
        for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
            String dir = file.substring(0, slash + 1);
            if (written.add(dir)) {
                out.putNextEntry(new java.util.zip.ZipEntry(dir));
                out.closeEntry();
            }
        }
    }

    private static byte[] offline(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        String out = FONT_IMPORT.matcher(text).replaceAll("");
        out = SENTRY_DSN.matcher(out).replaceAll("");
        for (String[] r : SCRIPT_URLS) out = out.replace(r[0], r[1]);
        return out.equals(text) ? bytes : out.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
