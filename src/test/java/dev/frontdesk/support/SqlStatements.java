package dev.frontdesk.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts what the application asks of the database: every statement executed (with its SQL), every
 * connection taken from the pool and every commit, with the thread that did it. Import it into a
 * Spring test ({@code @Import(SqlStatements.Recording.class)}) and read it around the requests of
 * interest: it counts statements, never time.
 */
public final class SqlStatements {

    /** One thing done on the database, by a thread. */
    public record Event(Kind kind, String thread, String sql) {}

    public enum Kind {
        CONNECTION,
        STATEMENT,
        COMMIT,
        ROLLBACK,
        /**
         * A commit that writes: an explicit commit of a transaction that changed rows, or a statement that
         * changed rows in auto-commit mode (each is a commit of its own). On H2 each one writes the file.
         */
        WRITE_COMMIT
    }

    private final List<Event> events = new ArrayList<>();
    private volatile Predicate<Thread> counted = thread -> true;

    /** Counts only what threads matching this do (e.g. not the background jobs'). */
    public void countOnly(Predicate<Thread> threads) {
        this.counted = threads;
    }

    /** Forgets what was recorded so far. */
    public synchronized void reset() {
        events.clear();
    }

    /** What was recorded since the last {@link #reset()}. */
    public synchronized List<Event> events() {
        return List.copyOf(events);
    }

    public long count(Kind kind) {
        return events().stream().filter(e -> e.kind() == kind).count();
    }

    /** The SQL executed, one line per statement. */
    public List<String> statements() {
        return events().stream()
                .filter(e -> e.kind() == Kind.STATEMENT)
                .map(Event::sql)
                .toList();
    }

    private void record(Kind kind, String sql) {
        Thread thread = Thread.currentThread();
        if (counted.test(thread)) {
            synchronized (this) {
                events.add(new Event(kind, thread.isVirtual() ? "virtual:" + thread.getName() : thread.getName(), sql));
            }
        }
    }

    DataSource wrap(DataSource dataSource) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return connection(super.getConnection(username, password));
            }
        };
    }

    private Connection connection(Connection connection) {
        record(Kind.CONNECTION, null);
        boolean[] written = {false}; // rows changed since the last commit of this connection's transaction
        return proxy(Connection.class, connection, (method, args) -> {
            boolean wasAutoCommit = "setAutoCommit".equals(method.getName()) && connection.getAutoCommit();
            Object result = method.invoke(connection, args);
            switch (method.getName()) {
                case "commit" -> {
                    record(Kind.COMMIT, null);
                    if (written[0]) {
                        record(Kind.WRITE_COMMIT, null);
                    }
                    written[0] = false;
                }
                case "rollback" -> {
                    record(Kind.ROLLBACK, null);
                    written[0] = false;
                }
                case "setAutoCommit" -> {
                    // switching auto-commit back on commits what the transaction wrote
                    if (!wasAutoCommit && Boolean.TRUE.equals(args[0]) && written[0]) {
                        record(Kind.WRITE_COMMIT, null);
                    }
                    written[0] = false;
                }
                case "prepareStatement", "prepareCall" -> {
                    String sql = (String) args[0];
                    Class<? extends Statement> type =
                            result instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class;
                    return statement(type, (Statement) result, sql, connection, written);
                }
                case "createStatement" -> {
                    return statement(Statement.class, (Statement) result, null, connection, written);
                }
                default -> {}
            }
            return result;
        });
    }

    private static boolean writes(String sql) {
        String verb = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return verb.startsWith("INSERT")
                || verb.startsWith("UPDATE")
                || verb.startsWith("DELETE")
                || verb.startsWith("MERGE");
    }

    private <S extends Statement> S statement(
            Class<S> type, Statement statement, String preparedSql, Connection connection, boolean[] written) {
        return proxy(type, statement, (method, args) -> {
            String sql = null;
            if (method.getName().startsWith("execute")) {
                sql = preparedSql != null
                        ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                record(Kind.STATEMENT, sql.replaceAll("\\s+", " ").strip());
            }
            Object result = method.invoke(statement, args);
            if (sql != null && writes(sql)) {
                if (connection.getAutoCommit()) {
                    record(Kind.WRITE_COMMIT, null);
                } else {
                    written[0] = true;
                }
            }
            return result;
        });
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Wraps the application's data source so that everything done through it is recorded. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        SqlStatements sqlStatements() {
            return new SqlStatements();
        }

        @Bean
        static BeanPostProcessor sqlStatementsDataSource(
                org.springframework.beans.factory.ObjectProvider<SqlStatements> statements) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && "dataSource".equals(name)
                            ? statements.getObject().wrap(dataSource)
                            : bean;
                }
            };
        }
    }
}
