package org.nexustoolkit.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Starts an embedded Neo4j Community DBMS with authentication on and the Bolt
 * connector listening on a loopback address, then waits until it is told to stop.
 *
 * <p>Protocol with the Node.js side (src/store/launcher.ts): one line
 * {@code NEO4J_LAUNCHER_READY <bolt-url>} on stdout once Bolt is listening; on
 * failure one line {@code NEO4J_LAUNCHER_ERROR <code> <message>} on stderr and a
 * non-zero exit code. SIGTERM/SIGINT (and, with --watch-stdin, the parent closing
 * our stdin) shut the DBMS down cleanly.
 */
public final class Main {
    static final int EXIT_USAGE = 2;
    static final int EXIT_LOCKED = 3;
    static final int EXIT_PORT_IN_USE = 4;
    static final int EXIT_START_FAILED = 5;

    private Main() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            fail(EXIT_USAGE, "usage", e.getMessage());
            return;
        }
        try {
            run(options);
        } catch (LauncherFailure e) {
            fail(e.exitCode, e.kind, e.getMessage());
        } catch (RuntimeException | IOException e) {
            fail(EXIT_START_FAILED, "start-failed", describe(e));
        }
    }

    private static void run(Options options) throws IOException {
        Path home = options.home.toAbsolutePath().normalize();
        Files.createDirectories(home);

        // An OS-level lock: released automatically if this JVM dies, so it never goes stale.
        Path lockPath = home.resolve("launcher.lock");
        FileChannel lockChannel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(lockPath), StandardCharsets.UTF_8).trim();
            throw new LauncherFailure(EXIT_LOCKED, "locked",
                    "another Neo4j launcher" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                            + " is already using the data directory " + home);
        }
        lockChannel.truncate(0);
        lockChannel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
        lockChannel.force(true);

        if (options.port != 0) {
            ensurePortFree(options.host, options.port);
        }

        Path plugins = home.resolve("plugins");
        List<String> unrestricted = new ArrayList<>();
        if (options.gds) {
            installGdsPlugins(plugins);
            unrestricted.add("gds.*");
        } else {
            clearGdsPlugins(plugins);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, unrestricted)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, options.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes)
                    // Server-side ceiling for transactions that set no timeout of their own: Neo4j stops
                    // working on a query its client gave up on. Clients may ask for longer (the loader does).
                    .setConfig(GraphDatabaseSettings.transaction_timeout, options.transactionTimeout)
                    // Only the latest transaction logs are needed: the dataset is reloadable from the repo.
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    // Netty's default graceful shutdown waits ~10 s with no connections left; stop promptly instead.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new LauncherFailure(EXIT_PORT_IN_USE, "port-in-use",
                        "port " + options.port + " on " + options.host + " is already in use");
            }
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean shuttingDown = new AtomicBoolean(false);
        FileLock heldLock = lock;
        Runnable shutdown = () -> {
            if (!shuttingDown.compareAndSet(false, true)) {
                return;
            }
            try {
                dbms.shutdown();
            } catch (RuntimeException e) {
                System.err.println("neo4j-launcher: error during shutdown: " + describe(e));
            }
            try {
                Files.deleteIfExists(home.resolve("launcher.json"));
                heldLock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // The OS releases the lock when the process exits anyway.
            }
            stopped.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "neo4j-launcher-shutdown"));

        try {
            setPassword(dbms, options.username, options.password);
        } catch (RuntimeException e) {
            shutdown.run();
            throw new LauncherFailure(EXIT_START_FAILED, "start-failed", "could not set the password: " + describe(e));
        }

        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        ConnectorPortRegister ports = ((GraphDatabaseAPI) system).getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
        HostnamePort bolt = ports.getLocalAddress(ConnectorType.BOLT);
        String boltUrl = "bolt://" + options.host + ":" + bolt.getPort();

        String state = "{\"pid\":" + ProcessHandle.current().pid() + ",\"boltUrl\":\"" + boltUrl + "\"}\n";
        Files.writeString(home.resolve("launcher.json"), state, StandardCharsets.UTF_8);

        System.out.println("NEO4J_LAUNCHER_READY " + boltUrl);
        System.out.flush();

        if (options.watchStdin) {
            Thread watcher = new Thread(() -> {
                // The parent holds our stdin open; EOF means it went away, so do not outlive it.
                try (InputStream in = System.in) {
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // discard
                    }
                } catch (IOException ignored) {
                    // treated as EOF
                }
                System.exit(0);
            }, "neo4j-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Neo4j registers procedures from the jars in its plugin directory. The GDS jars come from
     * Maven Central with the launcher (its classpath); copy those into the plugin directory, so
     * the procedures load with the same classes the extension registered from the classpath.
     */
    private static void installGdsPlugins(Path plugins) throws IOException {
        Files.createDirectories(plugins);
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && isGdsJar(jar)) jars.add(jar);
        }
        if (jars.isEmpty()) {
            throw new LauncherFailure(EXIT_START_FAILED, "start-failed",
                    "no Graph Data Science jars on the launcher's classpath (rebuild tools/neo4j-launcher)");
        }
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            Path target = plugins.resolve(jar.getFileName());
            names.add(target.getFileName().toString());
            if (!Files.exists(target) || Files.size(target) != Files.size(jar)) {
                Files.copy(jar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Jars of another GDS version left by an earlier launcher would load twice.
        try (var listing = Files.list(plugins)) {
            for (Path stale : listing.filter(p -> p.getFileName().toString().endsWith(".jar") && !names.contains(p.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
    }

    private static void clearGdsPlugins(Path plugins) throws IOException {
        if (!Files.isDirectory(plugins)) return;
        try (var listing = Files.list(plugins)) {
            for (Path jar : listing.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
    }

    /** Maven's layout: .../org/neo4j/gds/<artifact>/<version>/<artifact>-<version>.jar */
    private static boolean isGdsJar(Path jar) {
        String normalised = jar.toAbsolutePath().toString().replace('\\', '/');
        return normalised.contains("/org/neo4j/gds/");
    }

    /** Community has one user store in the system database; the launcher makes its password match the environment. */
    private static void setPassword(DatabaseManagementService dbms, String username, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean exists = system.executeTransactionally(
                "SHOW USERS YIELD user WHERE user = $user RETURN count(*) AS n",
                Map.of("user", username),
                result -> ((Number) result.next().get("n")).longValue() > 0);
        String verb = exists ? "ALTER USER " : "CREATE USER ";
        try {
            system.executeTransactionally(verb + quoteIdentifier(username) + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            // A restart on the same data directory with the same password: nothing to change.
            if (!(exists && describe(e).contains("Old password and new password cannot be the same"))) throw e;
        }
    }

    private static String quoteIdentifier(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static void ensurePortFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new LauncherFailure(EXIT_PORT_IN_USE, "port-in-use",
                    "port " + port + " on " + host + " is already in use (" + e.getMessage() + ")");
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString().replace('\n', ' ');
    }

    private static void fail(int exitCode, String kind, String message) {
        PrintStream err = System.err;
        err.println("NEO4J_LAUNCHER_ERROR " + kind + " " + message);
        err.flush();
        // halt, not exit: a half-started DBMS must not block the exit in a shutdown hook.
        Runtime.getRuntime().halt(exitCode);
    }

    static final class LauncherFailure extends RuntimeException {
        final int exitCode;
        final String kind;

        LauncherFailure(int exitCode, String kind, String message) {
            super(message);
            this.exitCode = exitCode;
            this.kind = kind;
        }
    }

    /** Command-line options; the password only ever comes from the environment, never argv (visible in ps). */
    static final class Options {
        Path home;
        String host = "127.0.0.1";
        int port = 7687;
        long pageCacheBytes = 256L * 1024 * 1024;
        Duration transactionTimeout = Duration.ofSeconds(60);
        boolean watchStdin;
        /** Graph Data Science procedures (gds.*); --no-gds starts a DBMS without them. */
        boolean gds = true;
        String username = "neo4j";
        String password;

        static Options parse(String[] args, Map<String, String> env) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--home" -> o.home = Path.of(value(args, ++i, arg));
                    case "--host" -> o.host = value(args, ++i, arg);
                    case "--port" -> o.port = parsePort(value(args, ++i, arg));
                    case "--pagecache-mb" -> o.pageCacheBytes = Long.parseLong(value(args, ++i, arg)) * 1024 * 1024;
                    case "--transaction-timeout-s" -> o.transactionTimeout = Duration.ofSeconds(Long.parseLong(value(args, ++i, arg)));
                    case "--watch-stdin" -> o.watchStdin = true;
                    case "--no-gds" -> o.gds = false;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (o.home == null) {
                throw new IllegalArgumentException("--home <directory> is required");
            }
            String user = env.get("NEO4J_USERNAME");
            if (user != null && !user.isBlank()) {
                o.username = user;
            }
            o.password = env.get("NEO4J_PASSWORD");
            if (o.password == null || o.password.length() < 8) {
                throw new IllegalArgumentException("NEO4J_PASSWORD must be set to at least 8 characters");
            }
            return o;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int parsePort(String text) {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + text);
            }
            return port;
        }
    }
}
